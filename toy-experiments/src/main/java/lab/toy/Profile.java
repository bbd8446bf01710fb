package lab.toy;

import java.util.Locale;

/**
 * The size profile of a run, read from the environment variable {@code LAB_PROFILE}: {@code small}
 * for CI (seconds per experiment), {@code default} for the numbers reported in the README, and
 * {@code paper} for more points and seeds on a long run. Every experiment's
 * {@code Options.of(Profile)} turns a profile into sizes; the sizes live there, in one place
 * per experiment.
 */
public enum Profile {
  /** CI sizes: every toy experiment in a few seconds on two cores. */
  SMALL,
  /** The sizes behind the README's numbers. */
  DEFAULT,
  /** More points and seeds, for a long run. */
  PAPER;

  /** Name of the environment variable that selects the profile. */
  public static final String VARIABLE = "LAB_PROFILE";

  /** The profile named by {@code LAB_PROFILE}, {@link #DEFAULT} when it is unset or blank. */
  public static Profile fromEnvironment() {
    return parse(System.getenv(VARIABLE));
  }

  /**
   * The profile with the given name (case-insensitive); {@code null} or blank means
   * {@link #DEFAULT}.
   *
   * @throws IllegalArgumentException for any other name, listing the allowed ones
   */
  public static Profile parse(String name) {
    if (name == null || name.isBlank()) {
      return DEFAULT;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          VARIABLE + " is '" + name + "', expected one of small, default, paper", e);
    }
  }

  /** One of three values by profile: small, default, paper. */
  public int pick(int small, int normal, int paper) {
    return switch (this) {
      case SMALL -> small;
      case DEFAULT -> normal;
      case PAPER -> paper;
    };
  }

  /** Lower-case name, as written in {@code LAB_PROFILE}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
