/**
 * A diagram is drawn (and mermaid loaded) only once a reader can see it: at once when it is not inside a fold,
 * otherwise when its fold (a `<details>`, generator/page-layout.ts) is opened. A feature page's closed folds
 * hold a dozen diagrams; drawing them all on arrival cost a phone seconds of CPU and every page mermaid's
 * 600 KB, for diagrams nobody had asked to see.
 */
import React, { useEffect, useRef, useState } from 'react';
import OriginalMermaid from '@theme-original/Mermaid';

export default function Mermaid(props) {
  const ref = useRef(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const fold = ref.current?.closest('details');
    if (!fold || fold.open) {
      setShown(true);
      return undefined;
    }
    const onToggle = () => fold.open && setShown(true);
    fold.addEventListener('toggle', onToggle);
    return () => fold.removeEventListener('toggle', onToggle);
  }, []);
  return <div ref={ref}>{shown ? <OriginalMermaid {...props} /> : null}</div>;
}
