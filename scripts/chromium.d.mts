/** The Chromium to test with: $CHROME_PATH, or a usual install location. */
export function findChromium(): string | undefined;

/** Flags that make headless Chromium start fast and quietly on a closed, root-run machine. */
export const CHROMIUM_ARGS: readonly string[];
