import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type LighthouseResult = {
  /** 0–100. */
  score: number;
  /** The metrics the score is made of, in ms (CLS unitless), as Lighthouse's simulation computed them. */
  metrics: Record<'fcp' | 'lcp' | 'tbt' | 'si' | 'cls', number>;
};

const METRIC_AUDITS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  si: 'speed-index',
  cls: 'cumulative-layout-shift',
} as const;

/** Lighthouse's performance category on a fresh profile (a first visit): 'mobile' is its default config. */
export async function lighthousePerformance(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'error',
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance?.score;
    if (typeof score !== 'number') throw new Error('Lighthouse computed no performance score');
    const metric = (audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;
    return {
      score: score * 100,
      metrics: {
        fcp: metric(METRIC_AUDITS.fcp),
        lcp: metric(METRIC_AUDITS.lcp),
        tbt: metric(METRIC_AUDITS.tbt),
        si: metric(METRIC_AUDITS.si),
        cls: metric(METRIC_AUDITS.cls),
      },
    };
  } finally {
    chrome.kill();
  }
}
