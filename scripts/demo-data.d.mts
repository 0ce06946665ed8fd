/** Types of scripts/demo-data.mjs, for the demo's Playwright spec. */
export declare const SLICE_SHOPPERS: number;
export interface DemoSlice { available: boolean; trainedModel?: boolean; reason?: string; source?: string; users?: number; shoppers: Array<{ user: number; items: number[]; negatives: number[] }>; items: Record<string, { a: number[]; p: number }> }
export declare function sliceFromFolder(texts: { seqText: string; attrText: string; negText: string }, shoppers?: number): DemoSlice;
export declare function makeDemoData(datasetsDir?: string, options?: { outFile?: string; shoppers?: number; folder?: string }): Promise<string>;
