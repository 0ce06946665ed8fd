// A worker that crashes while loading.
throw new Error('worker exploded at start-up');
