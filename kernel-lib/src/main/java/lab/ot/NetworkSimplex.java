package lab.ot;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact discrete optimal transport (earth mover's distance) by the primal network simplex
 * method, the algorithm family of POT's {@code ot.emd}.
 *
 * <p>Problem: for weights a (length n) and b (length m) and an n×m cost matrix C,
 * <pre>
 *   min_P ⟨P, C⟩  subject to  P ≥ 0,  P 1 = a,  Pᵀ 1 = b,
 * </pre>
 * with the Kantorovich dual max Σ a_i u_i + Σ b_j v_j subject to u_i + v_j ≤ C_ij. At the
 * optimum primal = dual.
 *
 * <p>How it works: the transportation problem is a min-cost flow on the bipartite graph
 * sources → sinks plus a root joined to every node by an artificial arc of cost
 * (max|C| + 1)·(n + m) (the big-M start). The basis is a spanning tree kept strongly feasible
 * (the leaving arc is the last blocking arc of the cycle, which prevents cycling); entering arcs
 * are chosen by block search pricing over blocks of ⌈√(nm)⌉ arcs. The tree is stored as parent
 * pointers, depths and child lists; after a pivot the cut subtree is re-hung and its
 * potentials shifted. Only tree arcs carry flow, so the plan has at most n + m − 1 entries and
 * memory is the n·m cost copy plus O(n + m).
 *
 * <p>Forbidden pairs: C_ij = +∞ removes the arc. If the remaining arcs admit no plan, a
 * {@link InfeasibleTransportException} is thrown. NaN and −∞ costs are rejected.
 *
 * <p>Weights: checked and rescaled to total 1 as described in {@link Weights}.
 *
 * <p>References: R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows", Prentice Hall,
 * 1993, ch. 11; W. H. Cunningham, "A network simplex method", Math. Programming 11, 1976
 * (strongly feasible trees); N. Bonneel, M. van de Panne, S. Paris, W. Heidrich, "Displacement
 * interpolation using Lagrangian mass transport", SIGGRAPH Asia 2011 (the solver behind POT).
 */
public final class NetworkSimplex {

  private static final Logger LOG = LoggerFactory.getLogger(NetworkSimplex.class);

  /** Artificial-arc flow above which a converged solution is declared infeasible. */
  static final double FEASIBILITY_TOLERANCE = 1e-9;

  private NetworkSimplex() {
  }

  /**
   * Options of the network simplex.
   *
   * @param maxIterations the cap on pivots (POT's {@code numItermax}, default
   *     {@value #DEFAULT_MAX_ITERATIONS}); on reaching it the result is not converged
   */
  public record Options(int maxIterations) {

    /** POT's default cap on pivots. */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;

    /** Checks maxIterations ≥ 1. */
    public Options {
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations = " + maxIterations
            + "; expected >= 1");
      }
    }

    /** The defaults. */
    public Options() {
      this(DEFAULT_MAX_ITERATIONS);
    }
  }

  /** {@link #solve(double[], double[], double[][], Options)} with default options. */
  public static OtResult solve(double[] a, double[] b, double[][] cost) {
    return solve(a, b, cost, new Options());
  }

  /**
   * Exact OT between points x (n×d, weights a) and y (m×d, weights b) for the squared
   * Euclidean cost; the cost is W₂².
   */
  public static OtResult solve(double[][] x, double[] a, double[][] y, double[] b,
      Options options) {
    return solve(a, b, Costs.squaredEuclidean(x, y), options);
  }

  /**
   * Solves the exact transport problem.
   *
   * @param a source weights, length n, finite, ≥ 0 (not modified)
   * @param b target weights, length m, same total as a within {@link Weights#TOTAL_TOLERANCE}
   * @param cost n×m costs, finite or +∞ for a forbidden pair (not modified)
   * @param options iteration cap
   * @return the plan (sparse, at most n + m − 1 entries), cost ⟨P, C⟩ for a and b rescaled to
   *     total 1, centred dual potentials u, v (Σ a u = Σ b v as POT's {@code center_dual}),
   *     pivots, convergence
   * @throws InfeasibleTransportException when forbidden pairs leave no feasible plan
   */
  public static OtResult solve(double[] a, double[] b, double[][] cost, Options options) {
    double[][] ab = Weights.pair(a, -1, b, -1);
    int n = ab[0].length;
    int m = ab[1].length;
    double[] c = Costs.flat(cost, n, m, true);
    Solver s = new Solver(ab[0], ab[1], c, n, m);
    s.run(options.maxIterations());
    if (!s.converged) {
      LOG.warn("network simplex stopped after {} pivots (maxIterations) before optimality on a "
          + "{}x{} problem; raise Options.maxIterations", s.iterations, n, m);
    }
    return s.result();
  }

  /** Raised when forbidden pairs (+∞ costs) leave no plan with the given marginals. */
  public static final class InfeasibleTransportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InfeasibleTransportException(String message) {
      super(message);
    }
  }

  /** The simplex state: spanning tree over n + m nodes and the root. */
  private static final class Solver {
    final int n;
    final int m;
    final int nodes;
    final int root;
    final long arcs;
    final double[] a;
    final double[] b;
    final double[] cost;
    final double[] pi;
    final int[] parent;
    final long[] pred;
    final boolean[] predUp;
    final double[] flow;
    final int[] depth;
    final int[] firstChild;
    final int[] nextSibling;
    final int[] prevSibling;
    final int blockSize;
    final double tolerance;
    int nextRow;
    int nextCol;
    int iterations;
    boolean converged;

    Solver(double[] a, double[] b, double[] cost, int n, int m) {
      this.n = n;
      this.m = m;
      this.a = a;
      this.b = b;
      this.cost = cost;
      nodes = n + m;
      root = nodes;
      arcs = (long) n * m;
      pi = new double[nodes + 1];
      parent = new int[nodes + 1];
      pred = new long[nodes + 1];
      predUp = new boolean[nodes + 1];
      flow = new double[nodes + 1];
      depth = new int[nodes + 1];
      firstChild = new int[nodes + 1];
      nextSibling = new int[nodes + 1];
      prevSibling = new int[nodes + 1];
      blockSize = (int) Math.max(10, Math.ceil(Math.sqrt((double) arcs)));

      // big-M cost of the artificial arcs
      double maxAbs = 0;
      for (double v : cost) {
        if (v != Double.POSITIVE_INFINITY) {
          maxAbs = Math.max(maxAbs, Math.abs(v));
        }
      }
      double art = (maxAbs + 1) * (nodes + 1);
      tolerance = 16 * Math.ulp(2 * art);

      // initial strongly feasible tree: every node hangs from the root
      Arrays.fill(firstChild, -1);
      Arrays.fill(nextSibling, -1);
      Arrays.fill(prevSibling, -1);
      parent[root] = -1;
      depth[root] = 0;
      for (int u = nodes - 1; u >= 0; u--) {
        boolean up = u < n || b[u - n] == 0;
        parent[u] = root;
        pred[u] = arcs + u;
        predUp[u] = up;
        flow[u] = u < n ? a[u] : b[u - n];
        pi[u] = up ? -art : art;
        depth[u] = 1;
        addChild(root, u);
      }
    }

    void addChild(int p, int u) {
      int f = firstChild[p];
      nextSibling[u] = f;
      prevSibling[u] = -1;
      if (f >= 0) {
        prevSibling[f] = u;
      }
      firstChild[p] = u;
    }

    void removeChild(int p, int u) {
      int prev = prevSibling[u];
      int next = nextSibling[u];
      if (prev >= 0) {
        nextSibling[prev] = next;
      } else {
        firstChild[p] = next;
      }
      if (next >= 0) {
        prevSibling[next] = prev;
      }
    }

    /** Block search pricing: the most negative reduced cost in the first block holding one. */
    long findEntering() {
      double min = -tolerance;
      int bestI = -1;
      int bestJ = -1;
      int i = nextRow;
      int j = nextCol;
      long scanned = 0;
      int inBlock = 0;
      while (scanned < arcs) {
        // one row segment of the current block
        int end = Math.min(m, j + (blockSize - inBlock));
        double pii = pi[i];
        int off = i * m;
        int base = n;
        for (int jj = j; jj < end; jj++) {
          double rc = cost[off + jj] + pii - pi[base + jj];
          if (rc < min) {
            min = rc;
            bestI = i;
            bestJ = jj;
          }
        }
        scanned += end - j;
        inBlock += end - j;
        j = end;
        if (j == m) {
          j = 0;
          i = i + 1 == n ? 0 : i + 1;
        }
        if (inBlock == blockSize) {
          if (bestI >= 0) {
            break;
          }
          inBlock = 0;
        }
      }
      nextRow = i;
      nextCol = j;
      return bestI < 0 ? -1 : (long) bestI * m + bestJ;
    }

    void run(int maxIterations) {
      while (true) {
        long in = findEntering();
        if (in < 0) {
          converged = true;
          return;
        }
        if (iterations >= maxIterations) {
          return;
        }
        iterations++;
        pivot(in);
      }
    }

    void pivot(long in) {
      int first = (int) (in / m);
      int second = n + (int) (in % m);

      // apex of the cycle closed by the entering arc
      int u = first;
      int v = second;
      while (u != v) {
        if (depth[u] > depth[v]) {
          u = parent[u];
        } else if (depth[v] > depth[u]) {
          v = parent[v];
        } else {
          u = parent[u];
          v = parent[v];
        }
      }
      int join = u;

      // leaving arc: the last blocking arc met from the apex along the entering arc's direction
      double delta = Double.POSITIVE_INFINITY;
      int out = -1;
      boolean outOnFirst = false;
      for (u = first; u != join; u = parent[u]) {
        if (predUp[u] && flow[u] < delta) {
          delta = flow[u];
          out = u;
          outOnFirst = true;
        }
      }
      for (u = second; u != join; u = parent[u]) {
        if (!predUp[u] && flow[u] <= delta) {
          delta = flow[u];
          out = u;
          outOnFirst = false;
        }
      }

      // push delta around the cycle
      if (delta > 0) {
        for (u = first; u != join; u = parent[u]) {
          flow[u] += predUp[u] ? -delta : delta;
        }
        for (u = second; u != join; u = parent[u]) {
          flow[u] += predUp[u] ? delta : -delta;
        }
      }
      flow[out] = 0;

      // re-hang the subtree cut off by the leaving arc from the entering arc
      int uIn = outOnFirst ? first : second;
      int vIn = outOnFirst ? second : first;
      double rc = cost[(int) in] + pi[first] - pi[second];
      double sigma = outOnFirst ? -rc : rc;
      int prev = vIn;
      long prevPred = in;
      boolean prevUp = outOnFirst;
      double prevFlow = delta;
      int s = uIn;
      while (true) {
        int next = parent[s];
        long sPred = pred[s];
        boolean sUp = predUp[s];
        double sFlow = flow[s];
        removeChild(next, s);
        parent[s] = prev;
        pred[s] = prevPred;
        predUp[s] = prevUp;
        flow[s] = prevFlow;
        addChild(prev, s);
        if (s == out) {
          break;
        }
        prev = s;
        prevPred = sPred;
        prevUp = !sUp;
        prevFlow = sFlow;
        s = next;
      }

      // shift the potentials of the re-hung subtree, refresh its depths
      int node = uIn;
      pi[node] += sigma;
      depth[node] = depth[vIn] + 1;
      while (true) {
        int child = firstChild[node];
        if (child >= 0) {
          node = child;
        } else {
          while (node != uIn && nextSibling[node] < 0) {
            node = parent[node];
          }
          if (node == uIn) {
            break;
          }
          node = nextSibling[node];
        }
        pi[node] += sigma;
        depth[node] = depth[parent[node]] + 1;
      }
    }

    OtResult result() {
      int count = 0;
      double artificial = 0;
      for (int u = 0; u < nodes; u++) {
        if (pred[u] < arcs) {
          if (flow[u] > 0) {
            count++;
          }
        } else {
          artificial += Math.max(flow[u], 0);
        }
      }
      if (converged && artificial > FEASIBILITY_TOLERANCE) {
        throw new InfeasibleTransportException("no feasible transport plan: the forbidden "
            + "pairs (+Infinity costs) leave mass " + artificial + " of 1 that cannot be moved; "
            + "expected the allowed pairs to admit a plan with marginals a and b");
      }
      int[] from = new int[count];
      int[] to = new int[count];
      double[] mass = new double[count];
      int k = 0;
      double total = 0;
      for (int u = 0; u < nodes; u++) {
        if (pred[u] < arcs && flow[u] > 0) {
          long e = pred[u];
          from[k] = (int) (e / m);
          to[k] = (int) (e % m);
          mass[k] = flow[u];
          total += flow[u] * cost[(int) e];
          k++;
        }
      }
      TransportPlan.Sparse plan = new TransportPlan.Sparse(n, m, from, to, mass);

      // dual potentials u_i = −π_i, v_j = π_j, centred so that Σ a u = Σ b v
      double[] du = new double[n];
      double[] dv = new double[m];
      double au = 0;
      double bv = 0;
      for (int i = 0; i < n; i++) {
        du[i] = -pi[i];
        au += a[i] * du[i];
      }
      for (int j = 0; j < m; j++) {
        dv[j] = pi[n + j];
        bv += b[j] * dv[j];
      }
      double shift = (au - bv) / 2;
      for (int i = 0; i < n; i++) {
        du[i] -= shift;
      }
      for (int j = 0; j < m; j++) {
        dv[j] += shift;
      }
      return new OtResult("network simplex", total, plan, du, dv, iterations, converged,
          OtResult.marginalError(plan, a, b));
    }
  }
}
