import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceLocale } from '../src/i18n/locales.ts';
import {
  currentSource,
  outdatedTranslations,
  parseTarget,
  readRecord,
  sectionHash,
  sectionKey,
  summary,
  translatedLocales,
  writeRecord,
} from '../src/lib/build/translations.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const contentDir = join(root, 'content');
const { values } = parseArgs({ options: { done: { type: 'string', multiple: true } } });
const source = currentSource(contentDir);
const order = new Map([...source].map(([slug, sections]) => [slug, sections.map(sectionKey)]));

for (const target of values.done ?? []) {
  const named = parseTarget(target);
  if (!named || !translatedLocales.includes(named.locale as (typeof translatedLocales)[number])) {
    console.error(`--done ${target}: write <locale>/<page>#<section> (or <locale>/<page>, or <locale>), with one of: ${translatedLocales.join(', ')}`);
    process.exit(2);
  }
  const record = readRecord(contentDir, named.locale);
  let marked = 0;
  for (const [slug, sections] of source) {
    if (named.slug && named.slug !== slug) continue;
    for (const section of sections) {
      if (named.key && named.key !== sectionKey(section)) continue;
      (record[slug] ??= {})[sectionKey(section)] = sectionHash(section);
      marked++;
    }
  }
  if (marked === 0) {
    console.error(`--done ${target}: no such page or section in content/${sourceLocale}/`);
    process.exit(2);
  }
  writeRecord(contentDir, named.locale, record, order);
  console.log(`${target}: ${marked} section${marked === 1 ? '' : 's'} marked as translated from the current ${sourceLocale} text`);
}

const outdated = outdatedTranslations(contentDir, source);
for (const o of outdated) console.log(`${o.locale}/${o.slug}#${o.key}`);
if (outdated.length > 0) console.log('');
console.log(summary(outdated, translatedLocales).join('\n'));
