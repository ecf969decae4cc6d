/** Loaded on demand by search-on-demand.ts (see load-module.ts): starts the search when it arrives. */
import { startSearch } from './search';

void startSearch();
