// Test double around the real worker (dist/hearth.worker.js) that injects faults on demand.
// The page sends commands on BroadcastChannel('hearth-chaos'):
//   'close'        the worker closes itself mid-flight (no event reaches the page)
//   'crash'        an uncaught error (the page sees an 'error' event)
//   'hang'         swallow every message from now on, pings included
//   'reject-rank'  the next rank call rejects (a model error)
// `?no-idb` in the URL makes IndexedDB unavailable, as in some private modes.
const params = new URLSearchParams(self.location.search);
if (params.has('no-idb')) {
  self.indexedDB.open = () => {
    throw new DOMException('IndexedDB is disabled in this mode', 'SecurityError');
  };
}
let hang = false;
let rejectRank = false;
const chaos = new BroadcastChannel('hearth-chaos');
chaos.onmessage = (e) => {
  // Acknowledge first: the channel and the worker's own port are not ordered with each other,
  // so a test waits for this before it relies on the fault being in place.
  chaos.postMessage(`ack:${e.data}`);
  if (e.data === 'close') self.close();
  if (e.data === 'crash') setTimeout(() => { throw new Error('chaos: worker crashed'); });
  if (e.data === 'hang') hang = true;
  if (e.data === 'reject-rank') rejectRank = true;
};
// Registered before comlink's own listener, so it sees (and may swallow) each call first.
self.addEventListener('message', (e) => {
  const call = e.data;
  if (hang) {
    e.stopImmediatePropagation();
    return;
  }
  if (rejectRank && call && call.type === 'APPLY' && call.path && call.path[0] === 'rank') {
    rejectRank = false;
    e.stopImmediatePropagation();
    // Answer as comlink does for a thrown error.
    self.postMessage({ id: call.id, type: 'HANDLER', name: 'throw', value: { isError: true, value: { name: 'ChaosError', message: 'rank exploded' } } });
  }
});
importScripts('/dist/hearth.worker.js');
