// A stand-in for Segment's analytics.js (analytics-next) with the behaviour Hearth relies on:
// it replaces the snippet's stub, replays the stub's queued calls in order, and emits 'track'
// to listeners registered with on(), passing a copy of the properties as the real one does.
(function () {
  var buffered = window.analytics;
  var listeners = {};
  var lib = {
    initialized: true,
    on: function (event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
      return lib;
    },
    track: function (name, properties) {
      var copy = JSON.parse(JSON.stringify(properties || {}));
      (listeners.track || []).forEach(function (fn) {
        fn(name, copy, {});
      });
      return Promise.resolve();
    },
    page: function () {},
    identify: function () {},
  };
  window.analytics = lib;
  for (var i = 0; i < buffered.length; i++) {
    var call = buffered[i];
    if (typeof lib[call[0]] === 'function') lib[call[0]].apply(lib, call.slice(1));
  }
})();
