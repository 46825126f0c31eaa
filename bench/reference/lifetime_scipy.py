"""Reference for `lifetime-fit-score-1m`: the Python `lifetimes` computation, written with SciPy.

    /usr/bin/python3 bench/reference/lifetime_scipy.py SUMMARY.f64 CUSTOMERS

SUMMARY.f64 holds four little-endian float64 columns of CUSTOMERS values
each, back to back: x, t_x (weeks), T (weeks), mean repeat spend m (written
by bench/generate-lifetime-summary.ts). Loading is not timed. `lifetimes`
itself is not installed (it needs autograd and old pandas), so this script
is its computation, line for line where it matters (lifetimes 0.11.3,
fitters/__init__.py, beta_geo_fitter.py, gamma_gamma_fitter.py, utils.py):

- BG/NBD fit (BetaGeoFitter.fit): the input checks, times scaled so that
  max T = 10, the mean negative log-likelihood exactly as
  BetaGeoFitter._negative_log_likelihood writes it (gammaln, the
  max(A_3, A_4) log-sum-exp, penalizer_coef 0 so no penalty), minimised on
  log-parameters from 0.1·ones with scipy.optimize.minimize(jac=True,
  method="BFGS", tol=1e-7). lifetimes passes `method=None` with no bounds,
  which SciPy resolves to BFGS, and gets the gradient from autograd's
  value_and_grad (versions before 0.10 used Nelder-Mead without gradient);
  without autograd the gradient here is the analytic one of the same
  expression, computed alongside the value as value_and_grad would. Then
  the Hessian at the optimum (lifetimes: autograd's `hessian`; here central
  differences of that gradient, step 1e-4, as Tierline does) and the
  variance matrix params² · H⁻¹ / N, as _compute_variance_matrix.
- Gamma-Gamma fit (GammaGammaFitter.fit) on the customers with x > 0 (the
  lifetimes docs' "returning customers"), likelihood as its
  _negative_log_likelihood, same optimiser, start and Hessian.
- Scores: conditional_probability_alive; conditional_expected_average_profit;
  customer_lifetime_value(time=12, discount_rate=0.01, freq="W"), whose loop
  sums (predict(4.345·k) − predict(4.345·(k−1))) · value / 1.01^k over k = 1..12
  with predict = conditional_expected_number_of_purchases_up_to_time (hyp2f1,
  with lifetimes' alternative form where log ₂F₁ is infinite). Two economies
  on lifetimes, for fairness to the reference: each month end is predicted
  once (lifetimes predicts it twice, once as the end of month k and once as
  the start of month k+1, and predict(0) = 0 exactly), and the alternative
  ₂F₁ is computed only where the first is infinite (lifetimes computes both
  everywhere). Expected purchases over the horizon = predict(12 · 4.345).
  Everything is vectorised over the customers, as lifetimes is.

Prints one JSON line: { seconds, peakMemoryMB, customers, timing, phases,
bgnbd, gammaGamma, meanPAlive, totalExpectedPurchases, totalClv }, the log-
likelihoods in the data's own time unit (weeks).
"""

import json
import resource
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import digamma, expit, gammaln, hyp2f1

HORIZON_MONTHS = 12
MONTHLY_DISCOUNT_RATE = 0.01
WEEKS_PER_MONTH = 4.345  # lifetimes' factor for freq="W"
TOL = 1e-7  # lifetimes' default `tol`


def check_inputs(frequency, recency=None, T=None, monetary_value=None):
    """lifetimes.utils._check_inputs."""
    if recency is not None:
        if T is not None and np.any(recency > T):
            raise ValueError("Some values in recency vector are larger than T vector.")
        if np.any(recency[frequency == 0] != 0):
            raise ValueError("There exist non-zero recency values when frequency is zero.")
        if np.any(recency < 0):
            raise ValueError("There exist negative recency (ex: last order set before first order)")
        if any(x.shape[0] == 0 for x in [recency, frequency, T]):
            raise ValueError("There exists a zero length vector in one of frequency, recency or T.")
    if np.sum((frequency - frequency.astype(int)) ** 2) != 0:
        raise ValueError("There exist non-integer values in the frequency vector.")
    if monetary_value is not None and np.any(monetary_value <= 0):
        raise ValueError("There exist non-positive (<= 0) values in the monetary_value vector.")


def bgnbd_nll_and_grad(log_params, freq, rec, T, weights):
    """BetaGeoFitter._negative_log_likelihood and its gradient in the log-parameters."""
    r, alpha, a, b = np.exp(log_params)
    log_alpha_T = np.log(alpha + T)
    log_alpha_rec = np.log(rec + alpha)
    A_1 = gammaln(r + freq) - gammaln(r) + r * np.log(alpha)
    A_2 = gammaln(a + b) + gammaln(b + freq) - gammaln(b) - gammaln(a + b + freq)
    A_3 = -(r + freq) * log_alpha_T
    A_4 = np.log(a) - np.log(b + np.maximum(freq, 1) - 1) - (r + freq) * log_alpha_rec
    max_A_3_A_4 = np.maximum(A_3, A_4)
    e_3 = np.exp(A_3 - max_A_3_A_4)
    e_4 = np.exp(A_4 - max_A_3_A_4) * (freq > 0)
    total = e_3 + e_4
    ll = weights * (A_1 + A_2 + np.log(total) + max_A_3_A_4)
    n = weights.sum()

    # Gradient of the same expression: p_4 is the weight of the A_4 branch.
    p_4 = e_4 / total
    p_3 = 1.0 - p_4
    psi_ab = digamma(a + b)
    psi_abx = digamma(a + b + freq)
    d_r = digamma(r + freq) - digamma(r) + np.log(alpha) - p_3 * log_alpha_T - p_4 * log_alpha_rec
    d_alpha = r / alpha - (r + freq) * (p_3 / (alpha + T) + p_4 / (rec + alpha))
    d_a = psi_ab - psi_abx + p_4 / a
    d_b = psi_ab + digamma(b + freq) - digamma(b) - psi_abx - p_4 / (b + np.maximum(freq, 1) - 1)
    grad = -np.array([r * (weights * d_r).sum(), alpha * (weights * d_alpha).sum(), a * (weights * d_a).sum(), b * (weights * d_b).sum()]) / n
    return -ll.sum() / n, grad


def gamma_gamma_nll_and_grad(log_params, frequency, avg_monetary_value, weights):
    """GammaGammaFitter._negative_log_likelihood and its gradient in the log-parameters."""
    p, q, v = np.exp(log_params)
    x = frequency
    m = avg_monetary_value
    log_m = np.log(m)
    log_x = np.log(x)
    log_xm_v = np.log(x * m + v)
    px = p * x
    values = (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + (px - 1) * log_m
        + px * log_x
        - (px + q) * log_xm_v
    ) * weights
    n = weights.sum()
    psi_pxq = digamma(px + q)
    d_p = x * (psi_pxq - digamma(px) + log_m + log_x - log_xm_v)
    d_q = psi_pxq - digamma(q) + np.log(v) - log_xm_v
    d_v = q / v - (px + q) / (x * m + v)
    grad = -np.array([p * (weights * d_p).sum(), q * (weights * d_q).sum(), v * (weights * d_v).sum()]) / n
    return -values.sum() / n, grad


def fit(nll_and_grad, params_size, args):
    """BaseFitter._fit: minimize from 0.1·ones, ConvergenceError when it fails, then the Hessian."""
    output = minimize(nll_and_grad, x0=0.1 * np.ones(params_size), args=args, jac=True, method="BFGS", tol=TOL)
    if not output.success:
        raise RuntimeError(f"The model did not converge ({output.message}).")
    return output, hessian(nll_and_grad, output.x, args)


def hessian(nll_and_grad, x, args, step=1e-4):
    """Central differences of the analytic gradient (symmetrised)."""
    n = x.size
    H = np.empty((n, n))
    for j in range(n):
        h = step * max(1.0, abs(x[j]))
        up, down = x.copy(), x.copy()
        up[j] += h
        down[j] -= h
        H[:, j] = (nll_and_grad(up, *args)[1] - nll_and_grad(down, *args)[1]) / (2 * h)
    return (H + H.T) / 2


def conditional_expected_number_of_purchases_up_to_time(params, t, x, recency, T):
    """BetaGeoFitter.conditional_expected_number_of_purchases_up_to_time (FHL 2005 eq. 10)."""
    r, alpha, a, b = params
    _a = r + x
    _b = b + x
    _c = a + b + x - 1
    _z = t / (alpha + T + t)
    with np.errstate(divide="ignore"):
        ln_hyp_term = np.log(hyp2f1(_a, _b, _c, _z))
    # lifetimes' equivalent form where the first one is infinite, computed only there.
    bad = np.isinf(ln_hyp_term)
    if bad.any():
        ln_hyp_term[bad] = np.log(hyp2f1(_c[bad] - _a[bad], _c[bad] - _b[bad], _c[bad], _z[bad])) + (_c[bad] - _a[bad] - _b[bad]) * np.log(1 - _z[bad])
    first_term = (a + b + x - 1) / (a - 1)
    second_term = 1 - np.exp(ln_hyp_term + (r + x) * np.log((alpha + T) / (alpha + t + T)))
    numerator = first_term * second_term
    denominator = 1 + (x > 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + recency)) ** (r + x)
    return numerator / denominator


def main():
    path, customers = sys.argv[1], int(sys.argv[2])
    columns = np.fromfile(path, dtype="<f8").reshape(4, customers)
    frequency_in, recency_in, T_in, monetary_in = (np.ascontiguousarray(c) for c in columns)

    phases = {"fit": 0.0, "score": 0.0}
    started = time.perf_counter()

    # BetaGeoFitter.fit(frequency, recency, T)
    t0 = time.perf_counter()
    frequency = np.asarray(frequency_in).astype(int)
    recency = np.asarray(recency_in)
    T = np.asarray(T_in)
    check_inputs(frequency, recency, T)
    weights = np.ones_like(recency, dtype=int)
    scale = 10.0 / T.max()  # lifetimes.utils._scale_time
    bg_out, bg_hessian = fit(bgnbd_nll_and_grad, 4, (frequency, recency * scale, T * scale, weights))
    bg_params = np.exp(bg_out.x)
    bg_params[1] /= scale
    bg_variance = bg_params ** 2 * np.linalg.inv(bg_hessian) / weights.sum()
    # In scaled time the log-likelihood is lower by Σx·log(scale) (α and T both scale): add it back so it is in weeks.
    bg_ll = -bg_out.fun * weights.sum() + frequency.sum() * np.log(scale)
    t1 = time.perf_counter()

    # GammaGammaFitter.fit(returning customers' frequency, monetary_value)
    returning = frequency > 0
    gg_frequency = np.asarray(frequency_in[returning]).astype(float)
    gg_monetary = np.asarray(monetary_in[returning]).astype(float)
    check_inputs(gg_frequency, monetary_value=gg_monetary)
    gg_weights = np.ones_like(gg_frequency, dtype=int)
    gg_out, gg_hessian = fit(gamma_gamma_nll_and_grad, 3, (gg_frequency, gg_monetary, gg_weights))
    gg_params = np.exp(gg_out.x)
    gg_variance = gg_params ** 2 * np.linalg.inv(gg_hessian) / gg_weights.sum()
    gg_ll = -gg_out.fun * gg_weights.sum()
    t2 = time.perf_counter()
    phases["fit"] = t2 - t0

    # Scores for every customer.
    r, alpha, a, b = bg_params
    log_div = (r + frequency) * np.log((alpha + T) / (alpha + recency)) + np.log(a / (b + np.maximum(frequency, 1) - 1))
    p_alive = np.atleast_1d(np.where(frequency == 0, 1.0, expit(-log_div)))

    p, q, v = gg_params
    individual_weight = p * frequency / (p * frequency + q - 1)
    population_mean = v * p / (q - 1)
    expected_value = (1 - individual_weight) * population_mean + individual_weight * monetary_in

    clv = np.zeros(customers)
    previous = np.zeros(customers)
    for k in range(1, HORIZON_MONTHS + 1):
        cumulative = conditional_expected_number_of_purchases_up_to_time(bg_params, k * WEEKS_PER_MONTH, frequency, recency, T)
        clv += (expected_value * (cumulative - previous)) / (1 + MONTHLY_DISCOUNT_RATE) ** k
        previous = cumulative
    expected_purchases = previous
    t3 = time.perf_counter()
    phases["score"] = t3 - t2
    seconds = t3 - started

    print(json.dumps({
        "seconds": seconds,
        "peakMemoryMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "customers": customers,
        "timing": "BetaGeoFitter + GammaGammaFitter fits (BFGS with gradient, tol 1e-7, Hessian) + P(alive), expected purchases, CLV over 12 months at 1%/month, data loaded before the clock starts",
        "phases": phases,
        "bgnbd": {
            "params": dict(zip(["r", "alpha", "a", "b"], map(float, bg_params))),
            "standardErrors": dict(zip(["r", "alpha", "a", "b"], map(float, np.sqrt(np.diag(bg_variance))))),
            "logLikelihood": float(bg_ll),
            "customers": int(weights.sum()),
            "method": "BFGS",
            "converged": bool(bg_out.success),
            "iterations": int(bg_out.nit),
            "evaluations": int(bg_out.nfev),
            "seconds": t1 - t0,
        },
        "gammaGamma": {
            "params": dict(zip(["p", "q", "v"], map(float, gg_params))),
            "standardErrors": dict(zip(["p", "q", "v"], map(float, np.sqrt(np.diag(gg_variance))))),
            "logLikelihood": float(gg_ll),
            "customers": int(gg_weights.sum()),
            "method": "BFGS",
            "converged": bool(gg_out.success),
            "iterations": int(gg_out.nit),
            "evaluations": int(gg_out.nfev),
            "seconds": t2 - t1,
        },
        "meanPAlive": float(p_alive.mean()),
        "totalExpectedPurchases": float(expected_purchases.sum()),
        "totalClv": float(clv.sum()),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
