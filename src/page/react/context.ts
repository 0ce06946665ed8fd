import { createContext, createElement, useContext, useState, type ReactElement, type ReactNode } from 'react';
import { createHearth } from '../../index.js';
import type { Hearth, HearthOptions } from '../../index.js';

const HearthContext = createContext<Hearth | null>(null);

/** Made on first use, never at import: importing `hearth-sdk/react` on a server touches nothing. */
let shared: Hearth | undefined;

export interface HearthProviderProps {
  /** An instance of your own; otherwise one is made from `options` on first render. */
  hearth?: Hearth;
  /** Options of the instance the provider makes (ignored when `hearth` is given). */
  options?: HearthOptions;
  children?: ReactNode;
}

/**
 * Gives the components below it one Hearth instance. Optional: without a provider, hooks use
 * one shared instance with default options.
 *
 * @example
 * <HearthProvider options={{ workerUrl: '/hearth/hearth.worker.js' }}><App /></HearthProvider>
 */
export function HearthProvider({ hearth, options, children }: HearthProviderProps): ReactElement {
  // Made once per provider, lazily; on a server `createHearth` returns its no-op instance.
  const [own] = useState(() => hearth ?? createHearth(options));
  return createElement(HearthContext.Provider, { value: hearth ?? own }, children);
}

/** The Hearth instance of the nearest `HearthProvider`, or the shared default one. */
export function useHearth(): Hearth {
  const fromProvider = useContext(HearthContext);
  if (fromProvider) return fromProvider;
  shared ??= createHearth();
  return shared;
}
