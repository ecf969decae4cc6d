/** Loaded on demand by page.ts (see load-module.ts): highlights the reader's search terms when it arrives. */
import { highlightLanding } from './landing-highlight';

highlightLanding();
