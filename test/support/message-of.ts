/** `Name: message` of what `fn` throws, or 'no error': lets a test compare the whole error text. */
export const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'no error';
};
