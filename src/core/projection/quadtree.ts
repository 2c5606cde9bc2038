/**
 * A Barnes–Hut quadtree over a 2-D layout, for t-SNE's repulsive forces (van der Maaten 2014, §4.2).
 *
 * The tree is rebuilt every iteration by partitioning an index array in place (no per-point
 * insertion, no objects): a node is a range of `order`, its four children are consecutive nodes.
 * A cell whose side s and distance d to a point satisfy s / d < θ acts on it as one body of
 * `count` points at its centre of mass; θ = 0 is the exact O(n²) sum.
 */

/** Below this depth a crowded cell (coincident points) stops splitting and is summed exactly. */
const MAX_DEPTH = 48;
/** Cells of this many points or fewer are leaves: cheaper to sum exactly than to descend. */
const LEAF_SIZE = 16;
const NODE_STRIDE = 7;

export class QuadTree {
  /** Point indices, grouped so that every node's points are a contiguous range. */
  order = new Int32Array(0);
  private start = new Int32Array(0);
  private end = new Int32Array(0);
  /** Index of the first of four children, or −1 for a leaf. */
  private child = new Int32Array(0);
  private side = new Float64Array(0);
  private comX = new Float64Array(0);
  private comY = new Float64Array(0);
  private nodes = 0;
  /** Per node [comX, comY, side², count, start, end, child], packed so a visit touches one cache line. */
  private packed = new Float64Array(0);
  private readonly stack = new Int32Array(4 * MAX_DEPTH + 8);
  private tmp = new Int32Array(0);
  /** Coordinates and forces in tree order: the walks read memory in runs, not scattered. */
  private px = new Float64Array(0);
  private py = new Float64Array(0);
  private fx = new Float64Array(0);
  private fy = new Float64Array(0);

  /** Builds the tree over `coords` (n × 2 row-major). */
  build(coords: Float64Array, n: number): void {
    if (this.order.length !== n) {
      this.order = new Int32Array(n);
      this.tmp = new Int32Array(n);
      this.px = new Float64Array(n);
      this.py = new Float64Array(n);
      this.fx = new Float64Array(n);
      this.fy = new Float64Array(n);
    }
    for (let i = 0; i < n; i++) this.order[i] = i;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = coords[2 * i];
      const y = coords[2 * i + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const half = Math.max(maxX - minX, maxY - minY, 1e-12) / 2 + 1e-9;
    this.nodes = 0;
    this.ensure(1);
    const root = this.alloc(0, n, half * 2);
    // Work list of nodes to split, with each node's square centre and depth.
    const work: number[] = [root, (minX + maxX) / 2, (minY + maxY) / 2, 0];
    while (work.length > 0) {
      const depth = work.pop()!;
      const cy = work.pop()!;
      const cx = work.pop()!;
      const node = work.pop()!;
      const s = this.start[node];
      const e = this.end[node];
      this.centreOfMass(node, coords);
      if (e - s <= LEAF_SIZE || depth >= MAX_DEPTH) continue;
      this.ensure(this.nodes + 4);
      const first = this.split(node, coords, cx, cy);
      const q = this.side[node] / 4;
      for (let c = 0; c < 4; c++) {
        const ch = first + c;
        if (this.end[ch] > this.start[ch]) work.push(ch, cx + (c & 1 ? q : -q), cy + (c & 2 ? q : -q), depth + 1);
      }
    }
    this.pack();
    for (let p = 0; p < n; p++) {
      this.px[p] = coords[2 * this.order[p]];
      this.py[p] = coords[2 * this.order[p] + 1];
    }
  }

  private pack(): void {
    if (this.packed.length < this.nodes * NODE_STRIDE) this.packed = new Float64Array(this.start.length * NODE_STRIDE);
    const nd = this.packed;
    for (let node = 0; node < this.nodes; node++) {
      const o = node * NODE_STRIDE;
      nd[o] = this.comX[node];
      nd[o + 1] = this.comY[node];
      nd[o + 2] = this.side[node] * this.side[node];
      nd[o + 3] = this.end[node] - this.start[node];
      nd[o + 4] = this.start[node];
      nd[o + 5] = this.end[node];
      nd[o + 6] = this.child[node];
    }
  }

  /**
   * Repulsion on every point: adds Σ_j q_ij²·(y_i − y_j) into out[2i], out[2i+1] (unnormalised,
   * q_ij = 1 / (1 + ‖y_i − y_j‖²)) and returns Z = Σ_i Σ_j≠i q_ij.
   *
   * The walk is shared by the points of a leaf: a cell is summarised for all of them when
   * s / d < θ holds for the nearest point of the leaf's bounding box, hence for each of its
   * points. That is at least as accurate as one walk per point, at a fraction of the walking.
   */
  repulsionAll(theta: number, out: Float64Array): number {
    const { stack, packed: nd, order, px, py, fx, fy } = this;
    const theta2 = theta * theta;
    const n = order.length;
    fx.fill(0);
    fy.fill(0);
    let z = 0;
    for (let leaf = 0; leaf < this.nodes; leaf++) {
      const lo = leaf * NODE_STRIDE;
      if (nd[lo + 6] >= 0 || nd[lo + 3] === 0) continue;
      const ls = nd[lo + 4];
      const le = nd[lo + 5];
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (let p = ls; p < le; p++) {
        if (px[p] < minX) minX = px[p];
        if (px[p] > maxX) maxX = px[p];
        if (py[p] < minY) minY = py[p];
        if (py[p] > maxY) maxY = py[p];
      }
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const o = stack[--top] * NODE_STRIDE;
        const cx = nd[o];
        const cy = nd[o + 1];
        const bx = cx < minX ? minX - cx : cx > maxX ? cx - maxX : 0;
        const by = cy < minY ? minY - cy : cy > maxY ? cy - maxY : 0;
        // θ < 1/√2: a cell holding one of the leaf's points is never summarised.
        if (nd[o + 2] < theta2 * (bx * bx + by * by)) {
          const count = nd[o + 3];
          for (let p = ls; p < le; p++) {
            const dx = px[p] - cx;
            const dy = py[p] - cy;
            const q = 1 / (1 + dx * dx + dy * dy);
            const w = count * q * q;
            z += count * q;
            fx[p] += w * dx;
            fy[p] += w * dy;
          }
          continue;
        }
        const first = nd[o + 6];
        if (first >= 0) {
          for (let c = 0; c < 4; c++) if (nd[(first + c) * NODE_STRIDE + 3] > 0) stack[top++] = first + c;
          continue;
        }
        const rs = nd[o + 4];
        const re = nd[o + 5];
        for (let p = ls; p < le; p++) {
          const xi = px[p];
          const yi = py[p];
          let ax = 0;
          let ay = 0;
          for (let r = rs; r < re; r++) {
            if (r === p) continue;
            const dx = xi - px[r];
            const dy = yi - py[r];
            const q = 1 / (1 + dx * dx + dy * dy);
            z += q;
            ax += q * q * dx;
            ay += q * q * dy;
          }
          fx[p] += ax;
          fy[p] += ay;
        }
      }
    }
    for (let p = 0; p < n; p++) {
      out[2 * order[p]] += fx[p];
      out[2 * order[p] + 1] += fy[p];
    }
    return z;
  }

  /** Reorders the node's range into its four quadrants (x ≥ cx is bit 0, y ≥ cy bit 1). */
  private split(node: number, coords: Float64Array, cx: number, cy: number): number {
    const s = this.start[node];
    const e = this.end[node];
    const counts = [0, 0, 0, 0];
    const { order, tmp } = this;
    for (let p = s; p < e; p++) {
      const i = order[p];
      counts[(coords[2 * i] >= cx ? 1 : 0) | (coords[2 * i + 1] >= cy ? 2 : 0)]++;
    }
    const offsets = [s, s + counts[0], s + counts[0] + counts[1], s + counts[0] + counts[1] + counts[2]];
    const first = this.nodes;
    const side = this.side[node] / 2;
    for (let c = 0; c < 4; c++) this.alloc(offsets[c], offsets[c] + counts[c], side);
    for (let p = s; p < e; p++) {
      const i = order[p];
      tmp[offsets[(coords[2 * i] >= cx ? 1 : 0) | (coords[2 * i + 1] >= cy ? 2 : 0)]++] = i;
    }
    order.set(tmp.subarray(s, e), s);
    this.child[node] = first;
    return first;
  }

  private centreOfMass(node: number, coords: Float64Array): void {
    let x = 0;
    let y = 0;
    const s = this.start[node];
    const e = this.end[node];
    for (let p = s; p < e; p++) {
      const i = this.order[p];
      x += coords[2 * i];
      y += coords[2 * i + 1];
    }
    this.comX[node] = x / Math.max(1, e - s);
    this.comY[node] = y / Math.max(1, e - s);
  }

  private alloc(s: number, e: number, side: number): number {
    const node = this.nodes++;
    this.start[node] = s;
    this.end[node] = e;
    this.child[node] = -1;
    this.side[node] = side;
    return node;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.start.length) return;
    const size = Math.max(capacity, 2 * this.start.length, 64);
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (k) => new Int32Array(k));
    this.end = grow(this.end, (k) => new Int32Array(k));
    this.child = grow(this.child, (k) => new Int32Array(k));
    this.side = grow(this.side, (k) => new Float64Array(k));
    this.comX = grow(this.comX, (k) => new Float64Array(k));
    this.comY = grow(this.comY, (k) => new Float64Array(k));
  }
}
