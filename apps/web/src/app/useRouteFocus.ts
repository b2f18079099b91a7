import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/** After client-side navigation, scrolls to the top and moves keyboard focus to the main landmark. */
export function useRouteFocus(mainId: string): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById(mainId)?.focus({ preventScroll: true });
  }, [pathname, mainId]);
}
