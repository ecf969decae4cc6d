import type { ClientKey } from '../i18n/ui';

export type ClientStrings = Record<ClientKey, string>;

/** The page's UI strings for scripts, written by the layout into `<body data-ui>`. */
export function readStrings(): ClientStrings {
  return JSON.parse(document.body.dataset.ui ?? '{}') as ClientStrings;
}
