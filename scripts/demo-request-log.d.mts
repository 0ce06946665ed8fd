/** Types of scripts/demo-request-log.mjs. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoRequest } from './demo-serve.mjs';
export declare const LOG_PATH: string;
export declare function createRequestLog(): {
  log: DemoRequest[];
  middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
};
