// Worker-thread entry: registers tsx in this thread (workers do not inherit the parent's loader), then runs the TS worker.
import { register } from 'tsx/esm/api';

register();
await import('./refit-worker.ts');
