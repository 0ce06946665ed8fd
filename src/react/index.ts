/**
 * `hearth/react`: a provider and hooks for React apps. React is an optional peer dependency:
 * it is imported from the app's own copy, never bundled here.
 */
export { HearthProvider, useHearth, type HearthProviderProps } from './context.js';
export { useReranked } from './use-reranked.js';
export { useTrack } from './use-track.js';
