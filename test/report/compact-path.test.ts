import { describe, expect, it } from 'vitest';
import { compactPath, compactPaths } from '../../src/report/compact-path.ts';
import { renumberClipIds } from '../../src/report/plot-markup.ts';

describe('compactPath', () => {
  it('rounds to a tenth of a pixel and drops vertices that round onto the previous one', () => {
    // 10.04 and 10.01 both round to 10; 20.06 → 20.1; the closing Z resets, the next ring keeps its M.
    expect(compactPath('M10.012,5.001L10.04,5.02L20.06,5L20.06,-0.04ZM1,1L1.02,1.01L2,2Z')).toBe('M10,5L20.1,5L20.1,0ZM1,1L2,2Z');
  });

  it('leaves path data with other commands (arcs, curves) as it is', () => {
    const arc = 'M3,0A3,3,0,1,1,-3,0A3,3,0,1,1,3,0';
    expect(compactPath(arc)).toBe(arc);
  });

  it('rewrites every d attribute of a piece of markup and nothing else', () => {
    expect(compactPaths('<path d="M1.04,2L1.01,2.02L3,3" data-d="M1.04,2"></path>')).toBe('<path d="M1,2L3,3" data-d="M1.04,2"></path>');
  });
});

describe('renumberClipIds', () => {
  it('numbers Plot clip ids from 1 in order of first use, whatever the process counter was', () => {
    expect(renumberClipIds('<clipPath id="plot-clip-7"></clipPath><g clip-path="url(#plot-clip-7)"></g><clipPath id="plot-clip-12">')).toBe(
      '<clipPath id="report-clip-1"></clipPath><g clip-path="url(#report-clip-1)"></g><clipPath id="report-clip-2">',
    );
  });
});
