import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/content/frontmatter';

export const collections = {
  // Every article of the guide: `content/<locale>/<page>.mdx`; entry ids look like `en/app`.
  guide: defineCollection({
    loader: glob({ base: './content', pattern: '*/*.mdx' }),
    schema: articleSchema,
  }),
};
