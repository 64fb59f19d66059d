import { describe, expect, it } from 'vitest';
import type { PythonError } from '../../runtime';
import { syntaxMarkers, tracebackMarkers } from './python-markers';

const error: PythonError = {
  type: 'ZeroDivisionError',
  message: 'division by zero',
  traceback: '',
  line: 2,
  filename: 'stats.py',
  interrupted: false,
};

describe('syntaxMarkers', () => {
  it("marks Python's syntax error where the compiler points", () => {
    const problem = { message: "expected ':'", line: 1, column: 8, endLine: 1, endColumn: 9 };
    expect(syntaxMarkers(problem)).toEqual([
      {
        source: 'python-syntax',
        severity: 'error',
        message: "SyntaxError: expected ':'",
        line: 1,
        column: 8,
        endLine: 1,
        endColumn: 9,
      },
    ]);
  });

  it('gives a point error one character, and no error no marker', () => {
    const [marker] = syntaxMarkers({ message: 'x', line: 3, column: 5, endLine: 3, endColumn: 5 });
    expect(marker).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 6 });
    expect(syntaxMarkers(null)).toEqual([]);
  });
});

describe('tracebackMarkers', () => {
  it('marks the failing line in the file the error names, and nowhere else', () => {
    expect(tracebackMarkers(error, 'stats.py')).toEqual([
      {
        source: 'python',
        severity: 'error',
        message: 'ZeroDivisionError: division by zero',
        line: 2,
      },
    ]);
    expect(tracebackMarkers(error, 'main.py')).toEqual([]);
  });

  it('marks nothing for a stop, an error outside the code, or no error', () => {
    expect(tracebackMarkers({ ...error, interrupted: true }, 'stats.py')).toEqual([]);
    expect(tracebackMarkers({ ...error, line: null }, 'stats.py')).toEqual([]);
    expect(tracebackMarkers(null, 'stats.py')).toEqual([]);
  });
});
