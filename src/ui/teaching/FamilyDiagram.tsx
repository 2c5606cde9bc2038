/**
 * A small drawing of each prior's idea, in three cluster colours: centres among points (baseline),
 * points pulled to their centre (structure), a Gaussian per cluster (distribution), an image and
 * its augmentation landing together (augmentation), neighbours linked (neighbourhood), a flat
 * assignment sharpened into its own target (pseudo-labelling), an image meeting its name (external).
 */
import type { ReactNode } from 'react';
import type { FamilyId } from '../../core/methods/families';

const C = ['#2f6fde', '#e4572e', '#2a9d5c'];

/** Points around three centres, shared by several drawings. */
const CENTRES: [number, number][] = [
  [40, 30],
  [115, 28],
  [80, 68],
];
const OFFSETS: [number, number][] = [
  [-12, -6],
  [10, -8],
  [-6, 10],
  [12, 7],
  [0, -13],
  [-15, 5],
];

function dots(r = 2.6, spread = 1): ReactNode[] {
  return CENTRES.flatMap(([cx, cy], k) => OFFSETS.map(([dx, dy], i) => <circle key={`${k}-${i}`} cx={cx + dx * spread} cy={cy + dy * spread} r={r} fill={C[k]} />));
}

function cross(x: number, y: number, key: string | number): ReactNode {
  return <path key={key} d={`M${x - 5} ${y - 5}L${x + 5} ${y + 5}M${x + 5} ${y - 5}L${x - 5} ${y + 5}`} stroke="#1d2433" strokeWidth={2} />;
}

const DRAWINGS: Record<FamilyId, { title: string; body: ReactNode }> = {
  baseline: {
    title: 'k-means: points, and one centre (×) per cluster',
    body: (
      <>
        {dots(2.6, 1.3)}
        {CENTRES.map(([x, y], k) => cross(x, y, k))}
      </>
    ),
  },
  structure: {
    title: 'Each code is pulled towards its centre while the autoencoder keeps rebuilding it',
    body: (
      <>
        {CENTRES.flatMap(([cx, cy], k) =>
          OFFSETS.slice(0, 4).map(([dx, dy], i) => <line key={`${k}-${i}`} x1={cx + dx * 1.5} y1={cy + dy * 1.5} x2={cx + dx * 0.6} y2={cy + dy * 0.6} stroke={C[k]} strokeWidth={1.4} markerEnd="url(#arrow)" />),
        )}
        {CENTRES.flatMap(([cx, cy], k) => OFFSETS.slice(0, 4).map(([dx, dy], i) => <circle key={`p${k}-${i}`} cx={cx + dx * 1.5} cy={cy + dy * 1.5} r={2.4} fill={C[k]} />))}
        {CENTRES.map(([x, y], k) => cross(x, y, `c${k}`))}
      </>
    ),
  },
  distribution: {
    title: 'One Gaussian per cluster, each with its own spread',
    body: (
      <>
        <ellipse cx={40} cy={30} rx={24} ry={12} fill={C[0]} fillOpacity={0.15} stroke={C[0]} transform="rotate(-20 40 30)" />
        <ellipse cx={115} cy={28} rx={14} ry={14} fill={C[1]} fillOpacity={0.15} stroke={C[1]} />
        <ellipse cx={80} cy={68} rx={30} ry={10} fill={C[2]} fillOpacity={0.15} stroke={C[2]} transform="rotate(10 80 68)" />
        {dots(2.2, 0.9)}
      </>
    ),
  },
  augmentation: {
    title: 'An image and its augmented copy land in the same cluster',
    body: (
      <>
        <rect x={8} y={8} width={30} height={30} fill="#fff" stroke="#667085" />
        <text x={23} y={31} textAnchor="middle" fontSize={22} fontFamily="serif">7</text>
        <rect x={8} y={52} width={30} height={30} fill="#fff" stroke="#667085" transform="rotate(-12 23 67)" />
        <text x={23} y={75} textAnchor="middle" fontSize={22} fontFamily="serif" transform="rotate(-12 23 67)">7</text>
        <text x={4} y={50} fontSize={9} fill="#667085">T(x)</text>
        <line x1={40} y1={23} x2={104} y2={42} stroke={C[0]} strokeWidth={1.6} markerEnd="url(#arrow)" />
        <line x1={40} y1={67} x2={104} y2={50} stroke={C[0]} strokeWidth={1.6} markerEnd="url(#arrow)" />
        <circle cx={122} cy={46} r={16} fill={C[0]} fillOpacity={0.15} stroke={C[0]} />
        <text x={122} y={50} textAnchor="middle" fontSize={10}>c</text>
      </>
    ),
  },
  neighborhood: {
    title: 'Nearest neighbours are linked and asked to share a cluster',
    body: (
      <>
        {CENTRES.flatMap(([cx, cy], k) =>
          OFFSETS.slice(1).map(([dx, dy], i) => {
            const [px, py] = OFFSETS[i];
            return <line key={`${k}-${i}`} x1={cx + px * 1.2} y1={cy + py * 1.2} x2={cx + dx * 1.2} y2={cy + dy * 1.2} stroke={C[k]} strokeOpacity={0.6} />;
          }),
        )}
        {dots(2.6, 1.2)}
      </>
    ),
  },
  'pseudo-label': {
    title: 'The soft assignment Q is squared into a sharper target P, which Q is trained towards',
    body: (
      <>
        {[0.45, 0.35, 0.2].map((q, i) => (
          <rect key={`q${i}`} x={14 + i * 12} y={70 - q * 60} width={9} height={q * 60} fill={C[i]} />
        ))}
        <text x={30} y={84} textAnchor="middle" fontSize={10}>Q</text>
        {[0.66, 0.28, 0.06].map((p, i) => (
          <rect key={`p${i}`} x={106 + i * 12} y={70 - p * 60} width={9} height={p * 60} fill={C[i]} />
        ))}
        <text x={122} y={84} textAnchor="middle" fontSize={10}>P</text>
        <line x1={56} y1={40} x2={96} y2={40} stroke="#1d2433" strokeWidth={1.4} markerEnd="url(#arrow)" />
        <text x={76} y={34} textAnchor="middle" fontSize={9}>q²/Σq</text>
        <path d="M118 8 C 100 -2, 50 -2, 32 6" fill="none" stroke="#667085" strokeDasharray="3 2" markerEnd="url(#arrow)" />
      </>
    ),
  },
  external: {
    title: 'An image and the name of its class meet in a shared space',
    body: (
      <>
        <rect x={8} y={10} width={30} height={30} fill="#fff" stroke="#667085" />
        <text x={23} y={33} textAnchor="middle" fontSize={22} fontFamily="serif">7</text>
        <rect x={4} y={56} width={44} height={20} rx={4} fill="#fff" stroke="#667085" />
        <text x={26} y={70} textAnchor="middle" fontSize={10}>“seven”</text>
        <line x1={40} y1={25} x2={106} y2={44} stroke={C[1]} strokeWidth={1.6} markerEnd="url(#arrow)" />
        <line x1={50} y1={66} x2={106} y2={50} stroke={C[1]} strokeWidth={1.6} markerEnd="url(#arrow)" />
        <circle cx={118} cy={47} r={10} fill={C[1]} fillOpacity={0.2} stroke={C[1]} />
      </>
    ),
  },
};

export function FamilyDiagram({ id }: { id: FamilyId }) {
  const d = DRAWINGS[id];
  return (
    <svg className="family-diagram" data-testid="family-diagram" viewBox="0 0 160 90" role="img" aria-label={d.title}>
      <title>{d.title}</title>
      <defs>
        <marker id="arrow" viewBox="0 0 6 6" refX={5} refY={3} markerWidth={5} markerHeight={5} orient="auto-start-reverse">
          <path d="M0 0L6 3L0 6z" fill="#1d2433" />
        </marker>
      </defs>
      {d.body}
    </svg>
  );
}
