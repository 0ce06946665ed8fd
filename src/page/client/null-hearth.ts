import type { Hearth } from '../types.js';
import { candidateItems, validateEvent, validateForget, validateRerankOptions } from '../../core/wire/validate.js';
import { fallbackResult } from './results.js';
import { validateConsent } from './options.js';
import { toExport } from './export.js';
import type { InterestProfile } from '../../core/types.js';
import { HEARTH_ERRORS, hearthError } from '../../core/errors.js';
import { debug } from '../../core/log.js';

const emptyProfile = (): InterestProfile => {
  const none = { categories: [], brands: [], priceBands: [] };
  return { events: 0, longTerm: none, session: { ...none, events: 0 } };
};

/**
 * What `createHearth` returns where no worker can exist (server-side rendering, Node, very old
 * browsers): input is still validated, lists keep their order, nothing is stored.
 */
export function createNullHearth(reason: string): Hearth {
  const unavailable = () => hearthError(HEARTH_ERRORS.unavailable, `Hearth is unavailable here: ${reason}`);
  const hearth: Hearth = {
    ready: async () => {
      throw unavailable();
    },
    track: async (event) => {
      validateEvent(event);
    },
    rank: async (items, options) => {
      const wire = candidateItems(items);
      const { limit, rules } = validateRerankOptions(options);
      debug(`rank fell back to the shop's order: Hearth is unavailable here (${reason})`);
      return fallbackResult(items, limit, performance.now(), wire, rules);
    },
    rerank: async (items, options) => (await hearth.rank(items, options)).items,
    forget: async (what) => {
      validateForget(what);
    },
    profile: async () => emptyProfile(),
    export: async () => toExport([], emptyProfile(), 'granted'),
    setConsent: async (state) => {
      validateConsent(state, 'consent');
    },
    close: async () => {},
    experiment: async () => null,
  };
  return hearth;
}
