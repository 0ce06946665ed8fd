/**
 * `hearth-sdk/react`: a provider and hooks for React apps. React is an optional peer dependency:
 * it is imported from the app's own copy, never bundled here.
 */
export { HearthProvider, useHearth, type HearthProviderProps } from './page/react/context.js';
export { useReranked } from './page/react/use-reranked.js';
export { useTrack } from './page/react/use-track.js';
