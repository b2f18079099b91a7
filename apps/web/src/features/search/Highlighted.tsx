import { Mark } from '@mantine/core';
import { useMemo } from 'react';
import { parseHighlight } from './highlight';

/** Renders a highlight string of the search API as text with `<mark>` elements (never as raw HTML). */
export function Highlighted({ value }: { value: string }) {
  const parts = useMemo(() => parseHighlight(value), [value]);
  return (
    <>
      {parts.map((p, i) =>
        p.mark ? (
          <Mark key={i} color="yellow">
            {p.text}
          </Mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
