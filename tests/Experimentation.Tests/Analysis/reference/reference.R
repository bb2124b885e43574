# Reference values for tests/Experimentation.Tests/Analysis, computed with R's own functions.
#
#   cd tests/Experimentation.Tests/Analysis/reference && Rscript reference.R
#
# writes reference.csv next to this script (rows: section,case,name,value; numbers with 17
# significant digits so doubles round-trip). CI does not run R: the CSV is committed and the tests
# compare against it with 1e-9 relative tolerance. Produced with R 4.2.2; set.seed uses R's
# default Mersenne-Twister / Inversion generators.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else getwd()

rows <- list()
put <- function(section, case, name, value) {
  stopifnot(length(value) == 1, is.finite(value))
  rows[[length(rows) + 1]] <<- data.frame(section = section, case = case, name = name,
                                           value = sprintf("%.17g", value))
}
put_vector <- function(section, case, name, values) {
  for (i in seq_along(values)) put(section, case, paste0(name, "_", i), values[i])
}

# --- Sample ratio mismatch: chisq.test against the configured weights ---------------------------
srm <- list(
  list(observed = c(5021, 4979), weights = c(1, 1)),
  list(observed = c(5200, 4800), weights = c(1, 1)),
  list(observed = c(3300, 3350, 3350), weights = c(1, 1, 1)),
  list(observed = c(2050, 2960, 5010), weights = c(20, 30, 50)),
  list(observed = c(910, 1090), weights = c(0.45, 0.55)),
  list(observed = c(101234, 99012, 50100), weights = c(2, 2, 1)))
for (k in seq_along(srm)) {
  s <- srm[[k]]
  r <- chisq.test(s$observed, p = s$weights / sum(s$weights))
  put_vector("srm", k, "observed", s$observed)
  put_vector("srm", k, "weight", s$weights)
  put("srm", k, "statistic", unname(r$statistic))
  put("srm", k, "df", unname(r$parameter))
  put("srm", k, "p_value", r$p.value)
}

# --- Two-proportion z-test: prop.test without continuity correction -----------------------------
# Treatment first, so R's interval is for p_treatment - p_control.
props <- list(
  c(10000, 1000, 10000, 1080, 0.95),
  c(5000, 600, 5100, 560, 0.95),
  c(200, 12, 180, 25, 0.95),
  c(123457, 4567, 123001, 4788, 0.95),
  c(1000, 500, 1000, 500, 0.95),
  c(48203, 29500, 47891, 30554, 0.90),
  c(40, 2, 45, 39, 0.99))
for (k in seq_along(props)) {
  v <- props[[k]]
  n_c <- v[1]; x_c <- v[2]; n_t <- v[3]; x_t <- v[4]; level <- v[5]
  r <- suppressWarnings(prop.test(c(x_t, x_c), c(n_t, n_c), correct = FALSE, conf.level = level))
  p_c <- x_c / n_c; p_t <- x_t / n_t
  # Relative lift p_t / p_c - 1 with a delta-method standard error (R has no built-in for it).
  rel <- p_t / p_c - 1
  rel_se <- sqrt(p_t * (1 - p_t) / n_t / p_c^2 + p_t^2 * p_c * (1 - p_c) / n_c / p_c^4)
  z <- qnorm(1 - (1 - level) / 2)
  put("prop", k, "n_control", n_c); put("prop", k, "x_control", x_c)
  put("prop", k, "n_treatment", n_t); put("prop", k, "x_treatment", x_t)
  put("prop", k, "level", level)
  put("prop", k, "x_squared", unname(r$statistic))
  put("prop", k, "p_value", r$p.value)
  put("prop", k, "conf_low", r$conf.int[1]); put("prop", k, "conf_high", r$conf.int[2])
  put("prop", k, "relative_lift", rel)
  put("prop", k, "relative_low", rel - z * rel_se); put("prop", k, "relative_high", rel + z * rel_se)
}

# --- Welch's t-test on simulated data; the tests get only (n, mean, variance) -------------------
set.seed(20240601)
welch <- list(
  list(c = rnorm(50, 10, 2), t = rnorm(80, 10.6, 3.5), level = 0.95),
  list(c = rlnorm(1000, 2, 1), t = rlnorm(1200, 2.05, 1), level = 0.95),
  list(c = rnorm(5, 0, 1), t = rnorm(7, 1, 4), level = 0.95),
  list(c = rnorm(400, 50, 5), t = rnorm(300, 53, 9), level = 0.99),
  list(c = rexp(3000, 1 / 4), t = rexp(2500, 1 / 4.1), level = 0.90))
for (k in seq_along(welch)) {
  w <- welch[[k]]
  r <- t.test(w$t, w$c, var.equal = FALSE, conf.level = w$level)
  put("welch", k, "n_control", length(w$c)); put("welch", k, "mean_control", mean(w$c))
  put("welch", k, "var_control", var(w$c))
  put("welch", k, "n_treatment", length(w$t)); put("welch", k, "mean_treatment", mean(w$t))
  put("welch", k, "var_treatment", var(w$t))
  put("welch", k, "level", w$level)
  put("welch", k, "t", unname(r$statistic)); put("welch", k, "df", unname(r$parameter))
  put("welch", k, "p_value", r$p.value)
  put("welch", k, "conf_low", r$conf.int[1]); put("welch", k, "conf_high", r$conf.int[2])
}

# --- CUPED from per-user data; the tests get only the per-variant sums ---------------------------
set.seed(7)
cuped_case <- function(k, sizes, effects) {
  xs <- list(); ys <- list()
  for (v in seq_along(sizes)) {
    x <- rgamma(sizes[v], shape = 2, scale = 3)
    y <- 5 + 0.9 * x + rnorm(sizes[v], 0, 3) + effects[v]
    xs[[v]] <- x; ys[[v]] <- y
  }
  x_all <- unlist(xs); y_all <- unlist(ys)
  theta <- cov(y_all, x_all) / var(x_all)
  put("cuped", k, "variants", length(sizes))
  put("cuped", k, "theta", theta)
  num <- 0; den <- 0
  for (v in seq_along(sizes)) {
    x <- xs[[v]]; y <- ys[[v]]; n <- length(y)
    put("cuped", k, paste0("count_", v), n)
    put("cuped", k, paste0("sum_y_", v), sum(y)); put("cuped", k, paste0("sum_y2_", v), sum(y^2))
    put("cuped", k, paste0("sum_x_", v), sum(x)); put("cuped", k, paste0("sum_x2_", v), sum(x^2))
    put("cuped", k, paste0("sum_xy_", v), sum(x * y))
    adjusted <- y - theta * (x - mean(x_all))
    put("cuped", k, paste0("mean_", v), mean(y)); put("cuped", k, paste0("var_", v), var(y))
    put("cuped", k, paste0("adjusted_mean_", v), mean(adjusted))
    put("cuped", k, paste0("adjusted_var_", v), var(adjusted))
    num <- num + (n - 1) * var(adjusted); den <- den + (n - 1) * var(y)
  }
  put("cuped", k, "variance_reduction", 1 - num / den)
}
cuped_case(1, c(2000, 2100), c(0, 0.4))
cuped_case(2, c(500, 480, 520), c(0, 0.2, -0.3))

# --- Benjamini-Hochberg -------------------------------------------------------------------------
set.seed(11)
bh <- list(
  c(0.01, 0.04, 0.03, 0.005, 0.2, 0.5),
  c(0.02, 0.02, 0.04, 0.001, 0.04),
  runif(20)^3,
  c(0.9, 0.95, 0.99),
  c(1e-12, 0.049, 0.051, 1))
for (k in seq_along(bh)) {
  put("bh", k, "count", length(bh[[k]]))
  put_vector("bh", k, "p", bh[[k]])
  put_vector("bh", k, "adjusted", p.adjust(bh[[k]], method = "BH"))
}

# --- Sample size: power.prop.test ---------------------------------------------------------------
# uniroot's default tol (eps^0.25 ~ 1.2e-4) leaves n that far from the root; tol = 1e-12 pins the
# root itself, which the C# bisection finds to the last bit. Both are recorded.
powers <- list(
  list(p1 = 0.6, mde = 0.02, alpha = 0.05, power = 0.8, strict = FALSE),
  list(p1 = 0.1, mde = 0.01, alpha = 0.05, power = 0.8, strict = FALSE),
  list(p1 = 0.05, mde = 0.005, alpha = 0.05, power = 0.9, strict = FALSE),
  list(p1 = 0.3, mde = -0.03, alpha = 0.01, power = 0.8, strict = FALSE),
  list(p1 = 0.5, mde = 0.1, alpha = 0.1, power = 0.95, strict = FALSE),
  list(p1 = 0.01, mde = 0.001, alpha = 0.05, power = 0.8, strict = FALSE),
  list(p1 = 0.2, mde = 0.25, alpha = 0.05, power = 0.5, strict = TRUE),
  list(p1 = 0.4, mde = 0.3, alpha = 0.2, power = 0.6, strict = TRUE))
for (k in seq_along(powers)) {
  s <- powers[[k]]
  p2 <- s$p1 + s$mde
  tight <- power.prop.test(p1 = s$p1, p2 = p2, sig.level = s$alpha, power = s$power,
                           strict = s$strict, tol = 1e-12)$n
  loose <- power.prop.test(p1 = s$p1, p2 = p2, sig.level = s$alpha, power = s$power,
                           strict = s$strict)$n
  put("power", k, "p1", s$p1); put("power", k, "mde", s$mde)
  put("power", k, "alpha", s$alpha); put("power", k, "power", s$power)
  put("power", k, "strict", as.numeric(s$strict))
  put("power", k, "n", tight); put("power", k, "n_default_tol", loose)
}

# --- mSPRT with a normal mixture: the formulas transcribed independently ------------------------
msprt <- list(
  c(0.004, 1.8e-5, 1e-4, 0.05),
  c(-0.012, 2.2e-5, 1e-4, 0.05),
  c(0.3, 0.01, 0.04, 0.1),
  c(0, 1e-6, 1e-4, 0.05),
  c(2.5, 0.4, 1, 0.01))
for (k in seq_along(msprt)) {
  v <- msprt[[k]]
  d <- v[1]; V <- v[2]; tau2 <- v[3]; alpha <- v[4]
  log_lr <- 0.5 * log(V / (V + tau2)) + tau2 * d^2 / (2 * V * (V + tau2))
  half <- sqrt(V * (V + tau2) / tau2 * (log((V + tau2) / V) - 2 * log(alpha)))
  put("msprt", k, "difference", d); put("msprt", k, "variance", V)
  put("msprt", k, "tau2", tau2); put("msprt", k, "alpha", alpha)
  put("msprt", k, "likelihood_ratio", exp(log_lr)); put("msprt", k, "p_value", min(1, exp(-log_lr)))
  put("msprt", k, "lower", d - half); put("msprt", k, "upper", d + half)
}

table <- do.call(rbind, rows)
write.csv(table, file.path(out_dir, "reference.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("%d values written to %s\n", nrow(table), file.path(out_dir, "reference.csv")))
