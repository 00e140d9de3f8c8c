/** A repeatable pseudo-random sequence (an LCG): the same seed gives the same test every run. */
export function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}
