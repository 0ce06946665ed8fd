/**
 * Script-tag entry (`dist/hearth.iife.js`): exposes `window.Hearth.createHearth`.
 * The only file that writes a window global.
 */
import { createHearth } from './client/create-hearth.js';

const w = window as unknown as { Hearth?: { createHearth: typeof createHearth } };
// Double inclusion of the tag is harmless: the first copy wins.
w.Hearth ??= { createHearth };
