/**
 * Generates hostile inputs for Hearth's public calls: wrong types, huge and unicode strings,
 * NaN/Infinity, deep objects, prototype-pollution keys, thousands of attributes. Seeded, so a
 * failure reproduces. `browserSafe` keeps to values Playwright can pass into a page.
 */
export function createFuzzer(seed: number, browserSafe = false) {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (n: number) => Math.floor(rnd() * n);

  const strings = [
    '', ' ', '\t\n', 'shoe', 'Trail Runner X', '__proto__', 'constructor', 'prototype', 'toString', '💄👟🏕️', 'مرحبا بالعالم', 'ｆｕｌｌｗｉｄｔｈ', 'a\u0000b', '\uD800', '<img src=x onerror=alert(1)>', '"; DROP TABLE events; --', 'x'.repeat(257), 'y'.repeat(1_001), 'z'.repeat(100_000),
  ] as const;
  const numbers = [0, -0, 1, -1, 1.5, 42, 1e6, 1e21, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 946_684_800_000, Date.now(), Date.now() + 1e12] as const;

  function deep(depth: number): unknown {
    let v: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < depth; i++) v = { nested: v };
    return v;
  }

  function value(depth = 0): unknown {
    switch (int(browserSafe ? 10 : 12)) {
      case 0: return pick(strings);
      case 1: return pick(numbers);
      case 2: return rnd() < 0.5;
      case 3: return null;
      case 4: return undefined;
      case 5: return depth > 2 ? [] : Array.from({ length: int(5) }, () => value(depth + 1));
      case 6: return depth > 2 ? {} : Object.fromEntries(Array.from({ length: int(4) }, () => [pick(strings).slice(0, 20), value(depth + 1)]));
      case 7: return deep(browserSafe ? 40 : pick([10, 1_000]));
      case 8: return Array.from({ length: pick([0, 33, 5_000]) }, (_, i) => `v${i}`);
      case 9: return JSON.parse('{"__proto__": {"polluted": true}, "id": "p"}');
      case 10: return () => 'fn';
      default: return Symbol('s');
    }
  }

  function attributes(): unknown {
    const r = rnd();
    if (r < 0.3) return value();
    if (r < 0.4) return Object.fromEntries(Array.from({ length: pick([65, 3_000]) }, (_, i) => [`k${i}`, i]));
    const out: Record<string, unknown> = JSON.parse('{"__proto__": "x", "constructor": {"prototype": {"polluted": 1}}}');
    for (let i = 0; i < int(5); i++) out[pick(strings).slice(0, 70)] = rnd() < 0.7 ? pick([...strings.slice(0, 12), ...numbers, true]) : value();
    return out;
  }

  /** `bad` is the chance that a field holds a hostile value: low for mostly-valid inputs, high for garbage. */
  function item(bad = 0.25): unknown {
    if (rnd() < bad * 0.4) return value();
    const it: Record<string, unknown> = {};
    const maybe = (key: string, good: () => unknown) => {
      const r = rnd();
      if (r < 0.45) it[key] = good();
      else if (r < 0.45 + bad) it[key] = value();
    };
    it.id = rnd() < 1 - bad ? (rnd() < 0.8 ? `p${int(50)}` : pick(strings).slice(0, 300)) : value();
    maybe('title', () => pick(strings).slice(0, rnd() < 1 - bad ? 200 : undefined));
    maybe('brand', () => pick(strings).slice(0, rnd() < 1 - bad ? 150 : 300));
    maybe('categories', () => Array.from({ length: pick([0, 1, 3, rnd() < bad ? 17 : 4]) }, () => pick(strings).slice(0, rnd() < 1 - bad ? 150 : 210)));
    maybe('price', () => (rnd() < 1 - bad ? Math.round(rnd() * 500) : pick(numbers)));
    maybe('attributes', () => (rnd() < 1 - bad ? { color: pick(['red', '💄', '__proto__']), size: int(50), tags: ['a', 'b'], sale: true } : attributes()));
    return it;
  }

  function event(): unknown {
    if (rnd() < 0.05) return value();
    const bad = rnd() < 0.5 ? 0.02 : 0.3;
    const e: Record<string, unknown> = {
      type: rnd() < 1 - bad / 2 ? pick(['impression', 'view', 'click', 'add_to_cart', 'purchase']) : value(),
      item: item(bad),
    };
    if (rnd() < 0.3) e.listId = rnd() < 1 - bad ? 'category:shoes' : value();
    if (rnd() < 0.3) e.position = rnd() < 1 - bad ? int(100) : pick(numbers);
    if (rnd() < 0.3) e.dwellMs = rnd() < 1 - bad ? int(60_000) : pick(numbers);
    if (rnd() < 0.2) e.at = rnd() < 1 - bad ? Date.now() - int(1e9) : pick(numbers);
    return e;
  }

  function itemList(): unknown {
    if (rnd() < 0.1) return value();
    return Array.from({ length: pick([0, 1, 5, 30]) }, () => (rnd() < 0.9 ? { ...(item() as object), id: `p${int(50)}` } : item()));
  }

  function rerankOptions(): unknown {
    if (rnd() < 0.5) return undefined;
    if (rnd() < 0.2) return value();
    return { limit: rnd() < 0.5 ? int(40) : pick(numbers), timeoutMs: rnd() < 0.5 ? 5_000 : pick(numbers), listId: rnd() < 0.5 ? 'x' : value() };
  }

  /** A match, mostly well-formed: `bad` is the chance of a hostile field or an unknown one. */
  function match(bad: number): unknown {
    if (rnd() < bad * 0.3) return value();
    const m: Record<string, unknown> = {};
    const maybe = (key: string, good: () => unknown) => {
      const r = rnd();
      if (r < 0.35) m[key] = good();
      else if (r < 0.35 + bad / 4) m[key] = value();
    };
    maybe('ids', () => Array.from({ length: int(4) }, () => `p${int(50)}`));
    maybe('brand', () => pick(['Acme', ' acme ', '💄', '__proto__']));
    maybe('category', () => pick(['Shoes', 'tents', 'constructor']));
    maybe('attribute', () => ({ name: pick(['color', '__proto__', 'size']), value: pick(['red', 3, true, ['a', 'b']]) }));
    maybe('purchased', () => rnd() < 0.5);
    maybe('inCart', () => rnd() < 0.5);
    if (rnd() < bad / 4) m[pick(['colour', '__proto__', 'bury'])] = 1;
    return m;
  }

  /** Merchandising rules and rotation as a shop might write them, or broken. */
  function rules(): unknown {
    const bad = rnd() < 0.5 ? 0.05 : 0.5;
    if (rnd() < bad * 0.2) return value();
    const r: Record<string, unknown> = {};
    if (rnd() < 0.6) r.exclude = Array.from({ length: int(4) }, () => match(bad));
    if (rnd() < 0.6) r.pin = Array.from({ length: int(4) }, () => (rnd() < 1 - bad ? { id: `p${int(50)}`, position: int(40) } : { id: value(), position: pick(numbers) }));
    if (rnd() < 0.6) r.boost = Array.from({ length: int(4) }, () => ({ match: match(bad), weight: rnd() < 1 - bad ? Math.round((rnd() - 0.5) * 20) : pick(numbers) }));
    if (rnd() < bad / 3) r.unknown = value();
    return r;
  }

  /** Options with rules, rotation and the knobs. */
  function rankOptions(): unknown {
    const o: Record<string, unknown> = { rules: rules() };
    if (rnd() < 0.3) o.rotation = rnd() < 0.7 ? { rate: rnd(), hours: 1 + int(100) } : { rate: pick(numbers), hours: pick(numbers) };
    for (const knob of ['exploration', 'diversity', 'privacyNoise']) if (rnd() < 0.2) o[knob] = rnd();
    return o;
  }

  /** `createHearth`'s experiment option, or broken. */
  function experiment(): unknown {
    if (rnd() < 0.2) return value();
    return { id: rnd() < 0.7 ? `exp-${int(9)}` : pick(strings), holdout: rnd() < 0.7 ? rnd() : pick(numbers) };
  }

  return { event, item, itemList, rerankOptions, rankOptions, experiment, value, rnd };
}
