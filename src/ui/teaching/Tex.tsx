/**
 * A TeX equation rendered as mathematics by KaTeX (HTML for the eye, MathML for screen readers).
 * KaTeX and its fonts load on first use, so the page opens without them; until then the plain-text
 * equation stands in.
 */
import { useEffect, useMemo, useState } from 'react';

type Katex = (typeof import('katex'))['default'];

let loading: Promise<Katex> | null = null;
let loaded: Katex | null = null;

function loadKatex(): Promise<Katex> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => (loaded = m.default));
  return loading;
}

export function Tex({ tex, plain, display = false }: { tex: string; plain: string; display?: boolean }) {
  const [katex, setKatex] = useState<Katex | null>(loaded);
  useEffect(() => {
    if (katex) return;
    let live = true;
    void loadKatex().then((k) => live && setKatex(() => k));
    return () => {
      live = false;
    };
  }, [katex]);
  // throwOnError false: a TeX mistake shows in red in place, never breaks the card.
  const html = useMemo(() => katex?.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml', displayMode: display }) ?? null, [katex, tex, display]);
  if (html === null) return <code className="equation">{plain}</code>;
  return <span className={display ? 'tex tex-display' : 'tex'} data-testid="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
