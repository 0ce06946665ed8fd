// A worker that loads but never answers: Hearth must not wait for it past the budget.
self.onmessage = () => {};
