import { describe, expect, it } from 'vitest';
import { parseIdMarker, sectionIdProblem } from '../../src/lib/content/section-ids';

describe('section id markers', () => {
  it('reads the id from a comment marker', () => {
    expect(parseIdMarker('/* #request-a-refund */')).toBe('request-a-refund');
    expect(parseIdMarker('/*#x*/')).toBe('x');
  });

  it('ignores expressions that are not markers', () => {
    expect(parseIdMarker('1 + 1')).toBeUndefined();
    expect(parseIdMarker('/* a note */')).toBeUndefined();
  });

  it('accepts readable ASCII slugs and explains what is wrong with others', () => {
    expect(sectionIdProblem('turn-off-auto-top-up')).toBeUndefined();
    expect(sectionIdProblem('Turn_Off')).toMatch(/lowercase ASCII/);
    expect(sectionIdProblem('注销')).toMatch(/lowercase ASCII/);
    expect(sectionIdProblem('a--b')).toMatch(/lowercase ASCII/);
    expect(sectionIdProblem('')).toMatch(/empty/);
    expect(sectionIdProblem('sources')).toMatch(/page layout/);
  });
});
