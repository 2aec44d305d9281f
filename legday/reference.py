"""Reference data used by the models, each number with its citation key.

Every constant is a :class:`Cited` value: the number, its unit, the key of the
entry in ``references.bib`` that supports it, and how sure the course is of it.
The confidence levels follow the course's research notes:

``"confirmed"``
    seen in the primary source (abstract, paper or the authors' own data);
``"secondary"``
    taken from two or more secondary sources that agree; state it with a word
    of caution where it matters;
``"derived"``
    arithmetic on other cited numbers (the docstring or ``note`` shows how);
``"assumption"``
    a modelling choice or an illustrative value, never a finding.

Sections are grouped by the model that uses them (energy, volume and growth,
recovery, mechanics and trials).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Confidence = Literal["confirmed", "secondary", "derived", "assumption"]


#: The pseudo-source of the course's own assumptions: never a bibliography key.
COURSE = "course"


@dataclass(frozen=True, eq=False)
class Cited:
    """A number with its unit, citation key and confidence level.

    ``source`` is the ``references.bib`` key of the work that contains the number,
    or :data:`COURSE` for the course's own assumptions (and only for them): an
    assumption is never credited to a paper that does not contain it. ``related``
    names, for an assumption, the works that motivated the choice ("related
    reading", comma-separated keys).
    """

    value: float
    unit: str
    source: str
    confidence: Confidence
    note: str = ""
    related: str = ""

    # A Cited value works as its number (so ``float(ref.X)`` is not needed): in
    # arithmetic and comparisons with numbers and arrays, in ``np.asarray`` and in
    # format specs (``f"{ref.X:.1f}"``). The result is a plain number: the citation
    # stays with the constant, not with what is computed from it.

    def __float__(self) -> float:
        return float(self.value)

    def __post_init__(self) -> None:
        if (self.confidence == "assumption") != (self.source == COURSE):
            raise ValueError(
                f"a Cited value with confidence {self.confidence!r} and source {self.source!r}: an assumption "
                f"must have source {COURSE!r} (put the paper that motivated it in related=), and only an "
                "assumption may have it"
            )

    def __int__(self) -> int:
        return int(self.value)

    def __round__(self, ndigits: int | None = None) -> float:
        return round(float(self.value), ndigits)

    def __array__(self, dtype: object = None, copy: object = None) -> object:
        import numpy as np  # local: reference.py stays free of model imports at module level

        return np.asarray(float(self.value), dtype=dtype)

    def __format__(self, spec: str) -> str:
        return format(float(self.value), spec) if spec else str(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Cited):
            return (self.value, self.unit, self.source, self.confidence, self.note, self.related) == (
                other.value, other.unit, other.source, other.confidence, other.note, other.related)
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            return float(self.value) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.value, self.unit, self.source, self.confidence, self.note, self.related))

    def __lt__(self, other: object) -> bool:
        return float(self.value) < _number(other)

    def __le__(self, other: object) -> bool:
        return float(self.value) <= _number(other)

    def __gt__(self, other: object) -> bool:
        return float(self.value) > _number(other)

    def __ge__(self, other: object) -> bool:
        return float(self.value) >= _number(other)

    def __neg__(self) -> float:
        return -float(self.value)

    def __pos__(self) -> float:
        return float(self.value)

    def __abs__(self) -> float:
        return abs(float(self.value))

    def __add__(self, other: object) -> object:
        return float(self.value) + _number(other)

    def __radd__(self, other: object) -> object:
        return _number(other) + float(self.value)

    def __sub__(self, other: object) -> object:
        return float(self.value) - _number(other)

    def __rsub__(self, other: object) -> object:
        return _number(other) - float(self.value)

    def __mul__(self, other: object) -> object:
        return float(self.value) * _number(other)

    def __rmul__(self, other: object) -> object:
        return _number(other) * float(self.value)

    def __truediv__(self, other: object) -> object:
        return float(self.value) / _number(other)

    def __rtruediv__(self, other: object) -> object:
        return _number(other) / float(self.value)

    def __pow__(self, other: object) -> object:
        return float(self.value) ** _number(other)

    def __rpow__(self, other: object) -> object:
        return _number(other) ** float(self.value)


def _number(other: object) -> object:
    """The numeric value of the other operand of a :class:`Cited` operation (a Cited, a number or an array)."""
    if isinstance(other, Cited):
        return float(other.value)
    if isinstance(other, bool) or isinstance(other, str):
        raise TypeError(f"a Cited value works as a number; cannot combine it with {other!r}")
    return other


#: The two sexes the cited equations and muscle data distinguish (Mifflin-St Jeor,
#: Janssen 2000); every model that takes ``sex`` accepts exactly these.
SEXES: tuple[str, ...] = ("male", "female")


# ---------------------------------------------------------------------------
# The six claims of the source post and where the course treats them
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One argument of the source post, the course's verdict and its chapter.

    ``verdict`` is one of the course's four levels (:data:`VERDICTS`).
    ``verdict_detail`` is its one-line qualification. It may hold ``{name}``
    placeholders for numbers the models compute; :mod:`legday.verdicts` fills
    them, so no page types a model result into a verdict. Every page and figure
    that shows a verdict takes it from here through :mod:`legday.verdicts`.
    """

    number: int
    short: str
    claim: str
    verdict: Literal["supported", "partly supported", "contested", "unsupported"]
    verdict_detail: str
    chapter: str


#: The course's four-level scale, strongest first: one vocabulary for every verdict.
VERDICTS: tuple[str, ...] = ("supported", "partly supported", "contested", "unsupported")

CLAIMS: tuple[Claim, ...] = (
    Claim(1, "Aesthetics", "A balanced physique needs trained legs.", "unsupported",
          "as stated; a matter of taste that no study has tested", "chapters/01_balanced_physique"),
    Claim(2, "A stable base", "Strong legs help the bench and overhead press.", "partly supported",
          "stability changes what you can press; leg training for it is untested",
          "chapters/02_stable_base"),
    Claim(3, "The biggest muscles", "Big muscles, big stress, anabolic hormones, more muscle and less fat.",
          "contested", "its first half is supported, its hormone half contested", "chapters/03_biggest_muscles"),
    Claim(4, "Calorie burn", "Leg sessions are metabolically costly.", "partly supported",
          "costlier per minute; {leg_minus_upper_kcal_per_h:.0f} kcal/h more per session only by "
          "the course's assumption", "chapters/04_calorie_burn"),
    Claim(5, "Recovery", "Train legs while the upper body rests.", "supported",
          "as a scheduling principle, for any split", "chapters/05_recovery"),
    Claim(6, "Transfer", "Leg training grows the upper body, not the reverse.", "contested",
          "the better-controlled evidence is negative", "chapters/06_transfer"),
)

#: The capstone's design rule (chapter 7): not a claim of the post, but judged on the same scale.
CAPSTONE = Claim(7, "Design your week", "Plan a week by weekly sets per muscle, spaced for recovery.",
                 "supported", "as a design rule for weekly volume per muscle, spaced for recovery",
                 "chapters/07_design_your_week")


# ---------------------------------------------------------------------------
# Energy: METs, resting metabolic rate, tissue rates, EPOC, body-mass change
# ---------------------------------------------------------------------------

#: Oxygen cost of one MET, by the Compendium's convention.
MET_ML_O2_PER_KG_MIN = Cited(3.5, "ml O2/kg/min", "ainsworth2011", "confirmed",
                             "a convention; measured rest averaged 2.6 ml/kg/min in 769 adults (byrne2005)")
#: Measured resting oxygen uptake in 769 adults (mean).
MEASURED_REST_ML_O2_PER_KG_MIN = Cited(2.6, "ml O2/kg/min", "byrne2005", "confirmed",
                                       "mean ± SD 2.6 ± 0.4 ml/kg/min; 3.5 overstates it by about 35 %")
#: Energy yield of oxygen used for converting litres of O2 to kcal (textbook value).
KCAL_PER_LITRE_O2 = Cited(5.0, "kcal/L O2", COURSE, "assumption",
                          "a textbook round figure (the true value depends on the fuel mix); it is the "
                          "5 behind the 200 in kcal/min = MET x 3.5 x kg / 200, since 1000 / 5 = 200", related="ainsworth2011")


@dataclass(frozen=True)
class CompendiumEntry:
    """A resistance-training activity from the Compendium of Physical Activities."""

    code: str
    description: str
    met: float
    source: str
    confidence: Confidence


COMPENDIUM: tuple[CompendiumEntry, ...] = (
    CompendiumEntry("02050", "resistance training, power lifting or body building, vigorous effort",
                    6.0, "ainsworth2011", "secondary"),
    CompendiumEntry("02052", "resistance (weight) training, squats, slow or explosive effort",
                    5.0, "ainsworth2011", "secondary"),
    CompendiumEntry("02054", "resistance (weight) training, multiple exercises, 8-15 repetitions at varied resistance",
                    3.5, "ainsworth2011", "secondary"),
)

#: Reis 2017: measured energy cost of single resistance exercises (58 men, 8 exercises).
REIS_KCAL_PER_MIN_LOW = Cited(3.0, "kcal/min", "reis2017", "confirmed",
                              "lowest cost at 12-24 % 1RM; biceps curl was the cheapest exercise")
REIS_KCAL_PER_MIN_HIGH = Cited(10.0, "kcal/min", "reis2017", "confirmed",
                               "highest cost at 12-24 % 1RM; half squat was the costliest exercise")
REIS_LEG_KCAL_PER_MIN_AT_80PCT_1RM = Cited(20.0, "kcal/min", "reis2017", "confirmed",
                                           "'over 20 kcal/min' for leg exercises at 80 % 1RM, "
                                           "extrapolated by the authors from the low-intensity data")

#: Mifflin-St Jeor coefficients (kcal/day from kg, cm, years).
MIFFLIN_KCAL_PER_KG = Cited(10.0, "kcal/day per kg", "mifflin1990", "confirmed")
MIFFLIN_KCAL_PER_CM = Cited(6.25, "kcal/day per cm", "mifflin1990", "confirmed")
MIFFLIN_KCAL_PER_YEAR = Cited(-5.0, "kcal/day per year", "mifflin1990", "confirmed")
MIFFLIN_OFFSET = {
    "male": Cited(5.0, "kcal/day", "mifflin1990", "confirmed"),
    "female": Cited(-161.0, "kcal/day", "mifflin1990", "confirmed"),
}
#: Cunningham (1980): BMR = 500 + 22 x lean body mass.
CUNNINGHAM_INTERCEPT = Cited(500.0, "kcal/day", "cunningham1980", "confirmed")
CUNNINGHAM_KCAL_PER_KG_LEAN = Cited(22.0, "kcal/day per kg lean mass", "cunningham1980", "confirmed")

#: Specific metabolic rates of tissues at rest (Elia's values, evaluated by Wang 2010).
TISSUE_KCAL_PER_KG_DAY = {
    "skeletal muscle": Cited(13.0, "kcal/kg/day", "wang2010", "confirmed"),
    "adipose tissue": Cited(4.5, "kcal/kg/day", "wang2010", "confirmed"),
}

#: Farinatti 2016: excess oxygen uptake (EPOC) in the 40 min after 5 x 10 at 15RM (mean of 10 men).
EPOC_WINDOW_MIN = Cited(40.0, "min", "farinatti2016", "confirmed", "recovery period over which EPOC was measured")
EPOC_LITRES_O2_40MIN = {
    "leg press": Cited(7.36, "L O2", "farinatti2016", "confirmed", "± 1.10 L, 10 men"),
    "chest fly": Cited(4.73, "L O2", "farinatti2016", "confirmed", "± 0.99 L, 10 men"),
}
#: Heden 2011: resting energy expenditure about 5 % higher at 24, 48 and 72 h.
EPOC_SLOW_TIMES_H = (
    Cited(24.0, "h", "heden2011", "confirmed"),
    Cited(48.0, "h", "heden2011", "confirmed"),
    Cited(72.0, "h", "heden2011", "confirmed"),
)
EPOC_SLOW_ELEVATION = Cited(0.05, "fraction of resting expenditure", "heden2011", "confirmed",
                            "8 overweight young men, 1 or 3 sets of 10 exercises; about 96 kcal/day")
#: Illustrative time constants for the two EPOC components (no published resistance-exercise fit).
EPOC_TAU_FAST_H = Cited(10 / 60, "h", COURSE, "assumption",
                        "a rapid component of minutes; the value is illustrative", related="borsheim2003")
EPOC_TAU_SLOW_H = Cited(72.0, "h", COURSE, "assumption",
                        "chosen so the elevation is still a few per cent at 72 h; illustrative", related="heden2011")
#: LaForgia 2006 review: EPOC is 6-15 % of the oxygen cost of the exercise (mostly aerobic studies).
EPOC_SHARE_OF_EXERCISE_LOW = Cited(0.06, "fraction of exercise O2 cost", "laforgia2006", "confirmed")
EPOC_SHARE_OF_EXERCISE_HIGH = Cited(0.15, "fraction of exercise O2 cost", "laforgia2006", "confirmed")

#: The static rule: 3,500 kcal per pound of body mass.
STATIC_RULE_KCAL_PER_KG = Cited(3500 / 0.45359237, "kcal/kg", "thomas2013", "derived",
                                "3,500 kcal/lb divided by 0.45359237 kg/lb = 7,716 kcal/kg")
#: Energy densities of fat and lean tissue, and the Forbes constant (Hall 2011).
FAT_KCAL_PER_KG = Cited(9440.0, "kcal/kg", "hall2011", "secondary", "39.5 MJ/kg")
LEAN_KCAL_PER_KG = Cited(1816.0, "kcal/kg", "hall2011", "secondary", "7.6 MJ/kg")
FORBES_CONSTANT_KG = Cited(10.4, "kg", "hall2011", "secondary",
                           "Forbes's curve dL/dF = 10.4 kg / F, as used by Hall")
#: Hall 2011: half of the eventual body-mass change is reached in about a year.
HALL_HALF_TIME_YEARS = Cited(1.0, "years", "hall2011", "confirmed",
                             "approximate response half-time for an average overweight adult")
#: Hall's rule of thumb: about 10 kcal/day of intake per pound of eventual change (100 kJ/day per kg).
HALL_RULE_KCAL_PER_DAY_PER_KG = Cited(22.0, "kcal/day of intake change per kg of eventual change", "hall2011",
                                      "secondary",
                                      "Hall quoted in press coverage of the Lancet paper (10 kcal/day per lb = 22 "
                                      "kcal/day per kg; '100 kJ/day per kg' = 24); not in the abstract; for an "
                                      "average overweight adult")
#: Thermic effect of food, as a fraction of intake.
THERMIC_EFFECT_OF_FOOD = Cited(0.10, "fraction of intake", "hall2011", "secondary")
#: Physical activity level multiplying resting expenditure at the start: an illustrative, moderately active adult.
PHYSICAL_ACTIVITY_LEVEL = Cited(1.6, "multiple of resting expenditure", COURSE, "assumption",
                                "the course's choice for a moderately active adult: at the start, total "
                                "expenditure = 1.6 x resting; the activity part, (1.6 - 1) x resting, then "
                                "scales with body mass (a MET cost is per kg, ainsworth2011)",
                                related="hall2011")
#: Adaptive thermogenesis: expenditure moves with the energy imbalance, by this fraction of it.
ADAPTIVE_THERMOGENESIS_FRACTION = Cited(
    0.464, "fraction of the energy imbalance", COURSE, "assumption",
    "the course's simple form of adaptive thermogenesis: in a deficit the body spends this fraction of the "
    "deficit less than its size predicts (more in a surplus), so it slows the approach but not the end "
    "point; calibrated (bodymass.calibrate_adaptive_thermogenesis) so the linearised half-time of chapter 4's "
    "100 kg dieter is Hall's ~1 year; not a measured constant", related="hall2011")

#: Body masses the energy models accept: a plausibility range for adults, with room at both ends.
MIN_BODY_MASS_KG = Cited(20.0, "kg", COURSE, "assumption",
                         "a plausibility bound below any adult's mass; the equations were derived in adults",
                         related="mifflin1990")
MAX_BODY_MASS_KG = Cited(400.0, "kg", COURSE, "assumption",
                         "a plausibility bound above almost any adult's mass; the equations were derived in adults",
                         related="mifflin1990")
#: Longest body-mass simulation: five years, including a leap day (5 x 365 + 2).
MAX_SIMULATION_DAYS = Cited(1827.0, "days", COURSE, "assumption",
                            "five years bound the extrapolation; Hall's model reaches 95 % of its change in about "
                            "3 years", related="hall2011")
#: Most active day the energy models describe: total expenditure at most this multiple of resting.
MAX_ACTIVITY_FACTOR = Cited(2.5, "multiple of resting expenditure", COURSE, "assumption",
                            "a plausibility bound for a whole day: the activity_factor of the body-mass model, "
                            "and the day-average MET (1 at rest) a session's MET x minutes may reach "
                            "(at most (2.5 - 1) x 1440 = 2,160 MET-minutes above rest in a day)",
                            related="ainsworth2011")
#: Largest sustained change in intake the body-mass model accepts, as a share of the starting expenditure.
MAX_INTAKE_CHANGE_SHARE = Cited(1.0, "fraction of the starting total expenditure", COURSE, "assumption",
                                "a cut of more than the whole intake at balance means eating less than nothing; "
                                "eating more than twice it every day is outside what the model describes",
                                related="hall2011")


# ---------------------------------------------------------------------------
# Volume and growth
# ---------------------------------------------------------------------------

#: Weight of a set that trains a muscle indirectly (as a synergist); a direct set counts 1.
INDIRECT_SET_WEIGHT = Cited(0.5, "fractional set per indirect set", "pelland2026", "confirmed",
                            "counting synergist sets as half a set fitted the meta-regression best")
#: Marginal hypertrophy per extra weekly fractional set, at the mean volume of the data.
PELLAND_MARGINAL_PERCENT_PER_SET = Cited(0.24, "% per weekly set", "pelland2026", "secondary",
                                         "95 % CrI 0.15-0.33, evaluated at 12.25 fractional sets/week")
#: Mean weekly volume at which the marginal slope above was evaluated.
PELLAND_MEAN_SETS_PER_WEEK = Cited(12.25, "fractional sets/week", "pelland2026", "secondary")
#: Square-root coefficient a in  gain% = a * sqrt(sets): a = 2 * 0.24 * sqrt(12.25).
SQRT_COEFFICIENT_PERCENT = Cited(2 * 0.24 * 12.25 ** 0.5, "% per sqrt(set/week), per study block",
                                 "pelland2026", "derived",
                                 "not a published coefficient: calibrated so that d(a*sqrt(V))/dV = 0.24 %/set "
                                 "at V = 12.25, i.e. a = 2 x 0.24 x 3.5 = 1.68")
#: Linear meta-regression slope of Schoenfeld 2017.
SCHOENFELD_PERCENT_PER_SET = Cited(0.37, "% per weekly set, per study", "schoenfeld2017", "confirmed",
                                   "ES +0.023 per set, P = 0.002; gains are per study duration, not per week")
#: Typical length of the studies behind the dose-response (the 'study block').
STUDY_BLOCK_WEEKS = Cited(10.0, "weeks", COURSE, "assumption",
                          "studies in the meta-regressions last roughly 6-24 weeks; 10 is the course's round figure", related="pelland2026")
#: Saturating alternative G_max * V / (V + V50): neither parameter is pinned by data.
SATURATING_GMAX_PERCENT = Cited(12.0, "% per study block", COURSE, "assumption",
                                "illustrative plateau; the data do not pin a maximum", related="pelland2026")
SATURATING_V50_SETS = Cited(10.0, "fractional sets/week", COURSE, "assumption",
                            "illustrative half-saturation volume, chosen so the curve sits near the square-root "
                            "form between 5 and 20 sets/week", related="pelland2026")
#: The upper end of weekly volumes the meta-regressions have data for (plot no further).
DATA_MAX_SETS_PER_WEEK = Cited(40.0, "fractional sets/week", "pelland2026", "secondary",
                               "data are sparse and intervals wide above roughly 30-40 sets/week")
#: Volume landmarks for the quadriceps: coaching heuristics, not trial estimates.
VOLUME_LANDMARKS_QUADS_SETS = {
    "maintenance volume": Cited(6.0, "sets/week", COURSE, "assumption", "coaching heuristic", related="israetel2017"),
    "minimum effective volume": Cited(8.0, "sets/week", COURSE, "assumption", "coaching heuristic", related="israetel2017"),
    "maximum adaptive volume (low)": Cited(12.0, "sets/week", COURSE, "assumption", "coaching heuristic", related="israetel2017"),
    "maximum adaptive volume (high)": Cited(18.0, "sets/week", COURSE, "assumption", "coaching heuristic", related="israetel2017"),
    "maximum recoverable volume": Cited(20.0, "sets/week", COURSE, "assumption",
                                        "coaching heuristic ('20+')", related="israetel2017"),
}

#: Whole-body skeletal muscle by MRI, 468 adults aged 18-88 (means).
SKELETAL_MUSCLE_KG = {
    "male": Cited(33.0, "kg", "janssen2000", "confirmed", "38.4 % of body mass"),
    "female": Cited(21.0, "kg", "janssen2000", "confirmed", "30.6 % of body mass"),
}
#: Share of skeletal muscle below the waist: NOT read from the paper's table.
LOWER_BODY_SHARE = {
    "male": Cited(0.55, "fraction of skeletal muscle", COURSE, "assumption",
                  "about half or more; ~55 % in men is recalled, the table was not read; the paper's totals "
                  "and sex gaps imply a share near one half, too loosely to replace it "
                  "(anatomy.lower_body_share_from_sex_gaps)", related="janssen2000"),
    "female": Cited(0.58, "fraction of skeletal muscle", COURSE, "assumption",
                    "women hold relatively more of their muscle in the lower body; 0.58 is the course's "
                    "illustrative choice, the table was not read", related="janssen2000"),
}
#: Women have less skeletal muscle than men, more so in the upper body (Janssen's "gender
#: differences" of 40 % and 33 %). Read as "men have 40 % / 33 % more", the paper's own totals
#: (33.0 vs 21.0 kg) would be impossible; see anatomy.lower_body_share_from_sex_gaps.
SEX_GAP_UPPER_BODY = Cited(0.40, "fraction less in women", "janssen2000", "confirmed",
                           "women's upper-body muscle = (1 - 0.40) x men's: men have 1/0.60 - 1, about 67 %, more")
SEX_GAP_LOWER_BODY = Cited(0.33, "fraction less in women", "janssen2000", "confirmed",
                           "women's lower-body muscle = (1 - 0.33) x men's: men have 1/0.67 - 1, about 49 %, more")

#: Handsfield 2014 per-leg muscle volume regressions V = slope * (height_m * mass_kg) + intercept (cm3),
#: summed over the muscles of each group (coefficients as transcribed in a public data set).
HANDSFIELD_SLOPE_CM3 = {
    "quadriceps": Cited(round(1.71 + 1.29 + 5.89 + 3.03, 3), "cm3 per (m kg)", "handsfield2014", "secondary",
                        "rectus femoris + vastus intermedius, lateralis, medialis"),
    "hamstrings": Cited(round(1.24 + 0.738 + 1.54 + 1.27, 3), "cm3 per (m kg)", "handsfield2014", "secondary",
                        "biceps femoris long and short heads, semimembranosus, semitendinosus"),
    "glutes": Cited(round(6.01 + 2.17 + 0.576, 3), "cm3 per (m kg)", "handsfield2014", "secondary",
                    "gluteus maximus, medius, minimus"),
    "calves": Cited(round(1.08 + 1.71 + 2.57, 3), "cm3 per (m kg)", "handsfield2014", "secondary",
                    "triceps surae: gastrocnemius (2 heads) and soleus"),
    "whole leg": Cited(47.0, "cm3 per (m kg)", "handsfield2014", "secondary", "all 35 muscles of one leg"),
}
HANDSFIELD_INTERCEPT_CM3 = {
    "quadriceps": Cited(round(56.9 + 111 + 102 + 57.6, 3), "cm3", "handsfield2014", "secondary"),
    "hamstrings": Cited(round(53 + 8.64 + 54.5 + 29.1, 3), "cm3", "handsfield2014", "secondary"),
    "glutes": Cited(round(105 + 54.8 + 33.1, 3), "cm3", "handsfield2014", "secondary"),
    "calves": Cited(round(15.7 + 46.2 + 120, 3), "cm3", "handsfield2014", "secondary"),
    "whole leg": Cited(1285.0, "cm3", "handsfield2014", "secondary"),
}
#: Holzbaur 2007: muscle volume of one arm (32 muscles), range over 10 adults; deltoid the largest.
ARM_MUSCLE_VOLUME_CM3_MIN = Cited(1427.0, "cm3 per arm", "holzbaur2007", "confirmed", "smallest of 10 adults")
ARM_MUSCLE_VOLUME_CM3_MAX = Cited(4426.0, "cm3 per arm", "holzbaur2007", "confirmed", "largest of 10 adults")
DELTOID_SHARE_OF_ARM = Cited(0.152, "fraction of arm muscle volume", "holzbaur2007", "confirmed")
#: Shares of the upper body's skeletal muscle in the course's five upper-body groups.
#: No source measured these together: an illustrative split, the rest is trunk, forearm and neck muscle.
UPPER_BODY_GROUP_SHARE = {
    "chest": Cited(0.10, "fraction of upper-body muscle", COURSE, "assumption", "illustrative", related="janssen2000"),
    "back": Cited(0.20, "fraction of upper-body muscle", COURSE, "assumption", "illustrative", related="janssen2000"),
    "shoulders": Cited(0.10, "fraction of upper-body muscle", COURSE, "assumption",
                       "illustrative; the deltoid is the largest arm muscle (15.2 % of arm volume)", related="janssen2000"),
    "biceps": Cited(0.05, "fraction of upper-body muscle", COURSE, "assumption", "illustrative", related="janssen2000"),
    "triceps": Cited(0.07, "fraction of upper-body muscle", COURSE, "assumption", "illustrative", related="janssen2000"),
}

#: Spread of individual responses: 12-week biceps CSA change ranged from -2 % to +59 % in 585 adults.
HUBAL_RESPONSE_MIN_PERCENT = Cited(-2.0, "% CSA change in 12 weeks", "hubal2005", "confirmed")
HUBAL_RESPONSE_MAX_PERCENT = Cited(59.0, "% CSA change in 12 weeks", "hubal2005", "confirmed")
HUBAL_N = Cited(585.0, "adults", "hubal2005", "confirmed")
HUBAL_WEEKS = Cited(12.0, "weeks", "hubal2005", "confirmed", "unilateral elbow-flexor training")
#: Hubal 2005's reported spread: coefficient of variation (SD / mean) of the 12-week change in biceps CSA.
#: The course's one reading of Hubal: a person's responsiveness factor (mean 1) has this SD (legday.growth
#: .responsiveness_sd), and a trial's individual spread is this CV times its mean response (legday.trials).
HUBAL_CV = {
    "male": Cited(0.48, "SD / mean of the CSA change", "hubal2005", "confirmed",
                  "12 weeks of unilateral elbow-flexor training; responses are skewed to the right"),
    "female": Cited(0.51, "SD / mean of the CSA change", "hubal2005", "confirmed",
                    "12 weeks of unilateral elbow-flexor training; responses are skewed to the right"),
}
#: Share of that variance common to all of a person's muscles (the rest is muscle-specific).
RESPONSIVENESS_SHARED_FRACTION = Cited(0.5, "fraction of variance", COURSE, "assumption",
                                       "illustrative: Hubal measured one muscle, so the split is not known",
                                       related="hubal2005")
#: How fast gains slow with training age: rate = novice rate / (1 + training age / tau).
TRAINING_AGE_TAU_WEEKS = Cited(26.0, "weeks", COURSE, "assumption",
                               "illustrative: after one year a muscle grows at a third of a novice's rate; the "
                               "dose-response data come mostly from untrained people and do not pin this", related="pelland2026")

#: West & Phillips 2012 cohort: 56 men, 12 weeks; hormone AUC did not predict gains except weak cortisol/GH links.
WEST2012_N = Cited(56.0, "men", "west2012", "confirmed")
WEST2012_WEEKS = Cited(12.0, "weeks", "west2012", "confirmed")
WEST2012_R_CORTISOL_LEAN_MASS = Cited(0.29, "Pearson r", "west2012", "confirmed")
WEST2012_R_CORTISOL_FIBRE_AREA = Cited(0.35, "Pearson r", "west2012", "confirmed")
WEST2012_R_GH_FIBRE_AREA_LOW = Cited(0.28, "Pearson r", "west2012", "confirmed")
WEST2012_R_GH_FIBRE_AREA_HIGH = Cited(0.36, "Pearson r", "west2012", "confirmed")
MORTON2016_N = Cited(49.0, "trained men", "morton2016", "confirmed")
#: Between-person spread of the acute hormone response (log-normal sigma): illustrative.
HORMONE_RESPONSE_LOG_SD = Cited(0.5, "log units", COURSE, "assumption",
                                "illustrative; acute responses vary widely between people", related="kraemer2005")

#: Resistance training vs control (58 RCTs): body fat and fat mass.
WEWEGE_BODY_FAT_POINTS = Cited(-1.46, "percentage points", "wewege2022", "confirmed", "95 % CI -1.78 to -1.14")
WEWEGE_FAT_MASS_KG = Cited(-0.55, "kg", "wewege2022", "confirmed", "95 % CI -0.75 to -0.34")

#: Kraemer 2004 (85 women, 24 weeks): thigh CSA rose only with total-body training.
KRAEMER2004_N = Cited(85.0, "women", "kraemer2004", "confirmed")
KRAEMER2004_WEEKS = Cited(24.0, "weeks", "kraemer2004", "confirmed")


# ---------------------------------------------------------------------------
# Recovery
# ---------------------------------------------------------------------------

#: Clarke & Skiba's teaching example of the fitness-fatigue model (their Fig. 6 spreadsheet).
CLARKE_SKIBA_EXAMPLE = {
    "p0": Cited(500.0, "arbitrary units", "clarke2013", "confirmed", "baseline performance"),
    "k1": Cited(1.0, "arbitrary units per unit load", "clarke2013", "confirmed", "fitness gain"),
    "k2": Cited(2.0, "arbitrary units per unit load", "clarke2013", "confirmed", "fatigue gain"),
    "tau1": Cited(27.0, "d", "clarke2013", "confirmed", "fitness time constant"),
    "tau2": Cited(10.0, "d", "clarke2013", "confirmed", "fatigue time constant"),
}
#: Performance Management Chart time constants: software defaults, not physiology.
PMC_CTL_DAYS = Cited(42.0, "d", "coggan_pmc", "confirmed",
                     "default of the TrainingPeaks and GoldenCheetah charts; a convention, not a measured constant")
PMC_ATL_DAYS = Cited(7.0, "d", "coggan_pmc", "confirmed",
                     "default of the TrainingPeaks and GoldenCheetah charts; a convention, not a measured constant")
#: Published fitted time constants vary widely between people and studies (elite swimmers, n = 9).
HELLARD_TAU_FITNESS_DAYS = Cited(38.0, "d", "hellard2006", "confirmed", "95 % CI 17-59 d")
HELLARD_TAU_FATIGUE_DAYS = Cited(19.0, "d", "hellard2006", "confirmed", "95 % CI 6-32 d")

#: Mixed muscle protein synthesis above rest after one bout (8 untrained adults, 4 men and 4 women,
#: concentric or eccentric resistance exercise; the time course is from secondary sources).
PHILLIPS_MPS_PERCENT = {
    3.0: Cited(112.0, "% above rest", "phillips1997", "secondary", "3 h after the bout"),
    24.0: Cited(65.0, "% above rest", "phillips1997", "secondary", "24 h after the bout"),
    48.0: Cited(34.0, "% above rest", "phillips1997", "secondary", "48 h after the bout"),
}

#: Per-muscle fatigue model: the course's calibration (assumptions), anchored to recovery studies.
#: One "hard session" for a muscle is taken as 4 hard sets (Belcher 2019 used 4 sets to failure at
#: 80 % 1RM); it brings the muscle's readiness to zero right after the session. Readiness is an
#: index (0 = as tired as right after such a session), not a measured share of capacity.
HARD_SESSION_SETS = Cited(4.0, "fractional sets", COURSE, "assumption",
                          "the course's unit of a hard session; belcher2019 used 4 sets to failure at 80 % 1RM",
                          related="belcher2019")
#: Readiness counted as "recovered" for a hard session's calibration below.
RECOVERED_READINESS = Cited(0.9, "readiness (0-1)", COURSE, "assumption",
                            "the course's choice of 'largely recovered'; korak2015 counted lifters within one "
                            "repetition of baseline", related="korak2015")
#: Readiness below which a programme is flagged for training an unrecovered muscle.
READY_THRESHOLD = Cited(0.75, "readiness (0-1)", COURSE, "assumption",
                        "the course's choice; a flag on an index, not a physiological boundary", related="belcher2019")
#: Hours until one hard session is 90 % recovered, per muscle group, for TRAINED lifters doing ordinary
#: sets (assumptions inside the 48-72 h window of belcher2019, korak2015, marshall2018). Multi-joint
#: lower-body groups are never quicker than the upper body, the quadriceps the slowest: squat velocity
#: stayed down up to 72 h while the bench recovered after its immediate drop (belcher2019), and
#: korak2015 suggest 72 h for heavy multi-joint lifts; the
#: muscles of single-joint work (arms, calves) are the quickest, since single-joint lifts had recovered
#: more at 24 h (korak2015). The opposite ordering of chen2011 and saka2009 (arms most damage-prone) comes
#: from maximal eccentric bouts in sedentary men: it describes unaccustomed eccentric work, not this default.
RECOVERY_HOURS = {
    "quadriceps": Cited(72.0, "h", COURSE, "assumption",
                        "multi-joint lower body: squat velocity still -8.6 % up to 72 h (belcher2019); 72 h "
                        "suggested for heavy multi-joint lifts (korak2015)", related="belcher2019,korak2015"),
    "hamstrings": Cited(60.0, "h", COURSE, "assumption",
                        "multi-joint lower body (hip hinge): the deadlift showed no decline in belcher2019 but was "
                        "among the slowest at 48 h in korak2015: the middle of the window, as the upper body",
                        related="belcher2019,korak2015"),
    "glutes": Cited(60.0, "h", COURSE, "assumption",
                    "multi-joint lower body (squat, hip hinge); as the hamstrings", related="belcher2019,korak2015"),
    "calves": Cited(48.0, "h", COURSE, "assumption",
                    "single-joint work (calf raise), quicker at 24 h in korak2015", related="korak2015"),
    "chest": Cited(60.0, "h", COURSE, "assumption",
                   "the bench recovered after its immediate drop in belcher2019 but was among the slowest at "
                   "48 h in korak2015: the middle of the window", related="belcher2019,korak2015"),
    "back": Cited(60.0, "h", COURSE, "assumption", "multi-joint upper body; the middle of the window",
                  related="korak2015"),
    "shoulders": Cited(60.0, "h", COURSE, "assumption", "multi-joint upper body; the middle of the window",
                       related="korak2015"),
    "biceps": Cited(48.0, "h", COURSE, "assumption",
                    "single-joint work (curls), quicker at 24 h in korak2015; after maximal eccentric bouts in "
                    "sedentary men the elbow flexors recover more slowly (saka2009, chen2011)",
                    related="korak2015,saka2009"),
    "triceps": Cited(48.0, "h", COURSE, "assumption",
                     "single-joint work (extensions), quicker at 24 h in korak2015; after maximal eccentric bouts "
                     "in sedentary men the elbow extensors are as damage-prone as the flexors (chen2011)",
                     related="korak2015,chen2011"),
}
#: Literature numbers quoted in chapter 5's evidence check.
RECOVERY_WINDOW_HOURS = {
    "low": Cited(48.0, "h", "korak2015", "confirmed",
                 "at 48 h most lifters were within one repetition of baseline on most lifts"),
    "high": Cited(72.0, "h", "korak2015", "confirmed", "the authors suggest 72 h for heavy multi-joint lifts"),
}
BELCHER_SQUAT_VELOCITY_PERCENT = Cited(-8.6, "% change of squat velocity at 70 % 1RM", "belcher2019", "confirmed",
                                       "still reduced up to 72 h after 4 sets to failure at 80 % 1RM")
BEHM_NONLOCAL_FATIGUE_ES = Cited(-0.02, "pooled effect size", "behm2021", "confirmed",
                                 "fatigue in non-exercised muscles; 52 studies, 303 participants")
BEHM_NONLOCAL_FATIGUE_ES_CI = (
    Cited(-0.14, "pooled effect size", "behm2021", "confirmed", "lower end of the 95 % CI"),
    Cited(0.09, "pooled effect size", "behm2021", "confirmed", "upper end of the 95 % CI"),
)
#: Plausibility bounds of the recovery models (legday.recovery, legday.program): beyond them the
#: models are pure extrapolation, and the largest values overflow.
MIN_TIME_CONSTANT_DAYS = Cited(0.001, "d", COURSE, "assumption",
                               "a plausibility bound (about 1.5 min): the models step in whole days, and a load "
                               "decays by exp(-1000) before the next morning at this time constant")
MAX_TIME_CONSTANT_DAYS = Cited(365.0, "d", COURSE, "assumption",
                               "a plausibility bound: a year, about 5 x the longest published fitted time constant "
                               "(74 d)", related="vermeire2022")
MAX_DAILY_LOAD = Cited(10000.0, "load units per day", COURSE, "assumption",
                       "a plausibility bound in the load's own units (TSS, hard sets); the course's examples use "
                       "100", related="coggan_pmc")
MAX_BANISTER_GAIN = Cited(1000.0, "performance units per load unit", COURSE, "assumption",
                          "a plausibility bound: the teaching example uses 1 and 2, a fitted cyclist 0.18 and 0.23 "
                          "W per unit load", related="clarke2013")
MIN_RECOVERY_HOURS = Cited(1.0, "h", COURSE, "assumption",
                           "a plausibility bound far below the 48-72 h the recovery studies report",
                           related="korak2015,belcher2019")
MAX_RECOVERY_HOURS = Cited(720.0, "h", COURSE, "assumption",
                           "a plausibility bound: 30 days, 10 x the 72 h suggested for heavy multi-joint lifts",
                           related="korak2015,belcher2019")
MIN_HARD_SESSION_SETS = Cited(1.0, "fractional sets", COURSE, "assumption",
                              "a plausibility bound: a hard session is at least one hard set", related="belcher2019")
#: Default body mass for the energy of a programme (legday.assessment.session_kcal, evaluate).
PROGRAMME_BODY_MASS_KG = Cited(80.0, "kg", COURSE, "assumption",
                               "a round default body mass, as in the energy examples", related="ainsworth2011")
#: Default length of a programme's growth projection (legday.assessment.evaluate, projected_growth).
PROJECTION_WEEKS = Cited(12.0, "weeks", COURSE, "assumption",
                         "the course's projection horizon, the length of typical hypertrophy trials (12 weeks in "
                         "hubal2005)", related="hubal2005")
#: Weekly programmes (legday.program): minutes of session time per hard set, rests included.
MINUTES_PER_SET = Cited(3.0, "min per set", COURSE, "assumption",
                        "the course's choice (about 45 s of work and 2-2.5 min of rest); the Compendium's "
                        "METs apply to whole sessions, rests included", related="ainsworth2011")


# ---------------------------------------------------------------------------
# Mechanics and trials
# ---------------------------------------------------------------------------

# Claim 2: a stable base. Saeterbakken & Fimland 2013 (15 men, shoulder-press 1RM).
#: Standing dumbbell shoulder-press 1RM about 10 % below seated dumbbell.
STANDING_VS_SEATED_DUMBBELL_GAP = Cited(0.10, "fraction of seated dumbbell 1RM", "saeterbakken2013", "confirmed",
                                        "15 men; 'about 10 %'")
#: Standing dumbbell shoulder-press 1RM about 7 % below standing barbell.
STANDING_DUMBBELL_VS_BARBELL_GAP = Cited(0.07, "fraction of standing barbell 1RM", "saeterbakken2013", "confirmed",
                                         "15 men; 'about 7 %'")
SAETERBAKKEN2013_N = Cited(15, "men", "saeterbakken2013", "confirmed",
                           "deltoid EMG highest in the least stable condition")
#: The stiffness gain of legday.mechanics, calibrated so the model's standing press is
#: 10 % below its seated press (see mechanics.calibrate_stiffness_gain).
MECHANICS_STIFFNESS_GAIN_PER_RAD = Cited(10.266, "1/rad", COURSE, "assumption",
                                         "calibrated to the 10 % seated-standing gap; not a measured quantity", related="saeterbakken2013")
#: Muyor 2019: bench press at 60 % 1RM, feet up (hips and knees at 90 degrees) vs feet on the floor.
MUYOR2019_LOAD_FRACTION_1RM = Cited(0.60, "fraction of 1RM", "muyor2019", "confirmed",
                                    "all 7 muscles more active feet-up (p < .01, d > 0.5)")
MUYOR2019_N = Cited(20, "young men", "muyor2019", "confirmed",
                    "'twenty young men' in the abstract; their training status is not stated there")
#: Pichardo 2015 (MSc thesis): isometric bench with the bar fixed, three foot positions:
#: no differences in peak force or EMG.
PICHARDO2015_N = Cited(21, "trained men", "pichardo2015", "confirmed", "no differences in peak force or EMG")
#: The 2021 leg-drive training study, grey literature (an abstract; authors and venue unconfirmed):
#: 5 weeks of leg-drive vs standard bench training, both about +6 % 1RM, no group difference.
LEG_DRIVE_1RM_GAIN = Cited(0.06, "fraction of baseline 1RM", "legdrive2021", "confirmed",
                           "both groups about +6 %; no group difference; from the abstract of an unpublished study "
                           "(grey literature), authors and venue unconfirmed")
LEG_DRIVE_WEEKS = Cited(5, "weeks", "legdrive2021", "confirmed")
LEG_DRIVE_N = Cited(23, "recreational men", "legdrive2021", "confirmed")

# Claim 6: transfer. Individual variability of growth: HUBAL_* and HUBAL_CV above (one reading for
# chapters 1 and 6).

#: Hansen 2001: the legs-after-arm group (LA) started 20-25 % weaker than the arm-only group (A).
HANSEN2001_BASELINE_DEFICIT_LOW = Cited(0.20, "fraction", "hansen2001", "confirmed", "LA weaker at baseline")
HANSEN2001_BASELINE_DEFICIT_HIGH = Cited(0.25, "fraction", "hansen2001", "confirmed", "LA weaker at baseline")
#: West 2009 (acute, 8 men): myofibrillar protein synthesis, %/h.
WEST2009_MPS_PCT_PER_H = {
    "rest": Cited(0.040, "%/h", "west2009", "confirmed"),
    "arm only": Cited(0.071, "%/h", "west2009", "confirmed"),
    "arm + legs": Cited(0.064, "%/h", "west2009", "confirmed", "no hormone effect (P = 0.72)"),
}
WEST2010_P_VALUE = Cited(0.25, "P", "west2010", "confirmed", "arm CSA, arm only vs arm + legs")


@dataclass(frozen=True)
class TransferResult:
    """One reported result of a study of arm training with and without leg training.

    ``without_legs_pct`` and ``with_legs_pct`` are ``None`` when the course's notes
    hold only the direction of the result, not its size.
    """

    source: str
    study: str
    design: str
    n: int
    weeks: int
    legs_timing: str
    outcome: str
    without_legs_pct: float | None
    with_legs_pct: float | None
    finding: str
    confidence: Confidence = "confirmed"


#: The four training studies of claim 6 (abstract-level facts; see the research notes).
TRANSFER_RESULTS: tuple[TransferResult, ...] = (
    TransferResult("hansen2001", "Hansen 2001", "between-subject", 16, 9, "after the arm",
                   "isometric strength, trained arm", 9.0, 37.0,
                   "significant only with legs; the legs group started 20-25 % weaker"),
    TransferResult("hansen2001", "Hansen 2001", "between-subject", 16, 9, "after the arm",
                   "isometric strength, untrained arm", 2.0, 10.0,
                   "functional strength +17-20 % in all arms"),
    TransferResult("ronnestad2011", "Rønnestad 2011", "within-subject", 9, 11, "before the arm",
                   "arm CSA at the widest region", None, None,
                   "only the arm trained in the leg session (legs first) grew at the widest region; larger relative 1RM gain"),
    TransferResult("west2010", "West 2010", "within-subject", 12, 15, "after the arm",
                   "arm CSA", 12.0, 10.0, "no difference (P = 0.25); equal strength gains"),
    TransferResult("madarame2008", "Madarame 2008", "legs with vs without blood-flow restriction", 15, 10,
                   "after the arm", "arm CSA", None, None,
                   "arm grew only when the light leg work (30 % 1RM) used blood-flow restriction; without it "
                   "the trained arm did not grow significantly, so the study tests a systemic route, not leg days"),
)


# ---------------------------------------------------------------------------
# Model settings of mechanics and trials, and plausibility bounds (course assumptions)
# ---------------------------------------------------------------------------

#: Default lifter of legday.mechanics: an 80 kg man, a round figure.
MECHANICS_BODY_MASS_KG = Cited(80.0, "kg", COURSE, "assumption", "round default body mass of the pressing model")
#: The load the lifter could press on a perfectly rigid support (both dumbbells together).
MECHANICS_BRACED_CAPACITY_KG = Cited(40.0, "kg", COURSE, "assumption",
                                     "illustrative; the model's results are fractions of it")
#: Height of the load above the shoulders at the sticking point.
MECHANICS_LOAD_ABOVE_SHOULDER_M = Cited(0.25, "m", COURSE, "assumption", "round anthropometric figure")
#: Horizontal lever of the load about the shoulders at the sticking point.
MECHANICS_LOAD_LEVER_M = Cited(0.10, "m", COURSE, "assumption", "round anthropometric figure")
#: How far the load wanders off the line over the base during a repetition.
MECHANICS_LOAD_OFFSET_M = Cited(0.05, "m", COURSE, "assumption", "illustrative")
#: Geometry of the two pressing positions for an 80 kg, about 1.80 m man: round anthropometric
#: figures chosen by the course, not measurements (legday.mechanics.GEOMETRY is built from them).
MECHANICS_GEOMETRY: dict[str, dict[str, Cited]] = {
    "standing": {
        "body_mass_share": Cited(1.0, "fraction of body mass", COURSE, "assumption",
                                 "standing, the whole body sways about the ankles"),
        "com_height_m": Cited(1.00, "m above the ankles", COURSE, "assumption", "round figure"),
        "shoulder_height_m": Cited(1.45, "m above the ankles", COURSE, "assumption", "round figure"),
        "base_width_m": Cited(0.26, "m", COURSE, "assumption", "about one foot length"),
    },
    "seated": {
        "body_mass_share": Cited(0.68, "fraction of body mass", COURSE, "assumption",
                                 "seated, head, arms and trunk (about two-thirds) sway about the hips"),
        "com_height_m": Cited(0.30, "m above the hips", COURSE, "assumption", "round figure"),
        "shoulder_height_m": Cited(0.60, "m above the hips", COURSE, "assumption", "round figure"),
        "base_width_m": Cited(0.40, "m", COURSE, "assumption", "about one seat depth"),
    },
}
#: Torque the support's muscles can spend on holding balance (both positions).
MECHANICS_SUPPORT_TORQUE_NM = Cited(200.0, "N m", COURSE, "assumption",
                                    "illustrative; chapter 2 varies it")

#: Error of a single CSA measurement in legday.trials (% of the value).
TRIALS_MEASUREMENT_ERROR_PCT = Cited(2.0, "% of the value", COURSE, "assumption",
                                     "a round figure for one scan; a change score carries sqrt(2) x it")
#: Share of the response variance that belongs to the person, shared by both arms (within design).
TRIALS_BETWEEN_PERSON_SHARE = Cited(0.5, "fraction of variance", COURSE, "assumption",
                                    "one half; chapter 6's exercise varies it", related="hubal2005")

#: Most weekly sets per muscle group the volume and growth models accept: a plausibility bound.
MAX_WEEKLY_SETS = Cited(100.0, "fractional sets/week per muscle group", COURSE, "assumption",
                        "2.5 x the 40 sets/week the meta-regressions reach; beyond it the curves are pure "
                        "extrapolation", related="pelland2026")
#: Most muscle one group of legday.growth may hold: more than a whole adult body's skeletal muscle.
MAX_GROUP_MUSCLE_KG = Cited(60.0, "kg", COURSE, "assumption",
                            "a plausibility bound: Janssen 2000's men average 33 kg of skeletal muscle in all",
                            related="janssen2000")
#: Longest simulation and longest training age the growth model accepts: 20 years.
MAX_TRAINING_WEEKS = Cited(1040.0, "weeks", COURSE, "assumption",
                           "the growth rates come from 6-24 week studies; 20 years bounds the extrapolation")
