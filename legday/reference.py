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


@dataclass(frozen=True)
class Cited:
    """A number with its unit, citation key and confidence level."""

    value: float
    unit: str
    source: str
    confidence: Confidence
    note: str = ""

    def __float__(self) -> float:
        return float(self.value)


# ---------------------------------------------------------------------------
# The six claims of the source post and where the course treats them
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One argument of the source post, the course's verdict and its chapter."""

    number: int
    short: str
    claim: str
    verdict: Literal["supported", "partly supported", "contested", "unsupported"]
    verdict_detail: str
    chapter: str


CLAIMS: tuple[Claim, ...] = (
    Claim(1, "Aesthetics", "A balanced physique needs trained legs.", "unsupported",
          "unsupported as stated: a taste, not a finding", "chapters/01_balanced_physique"),
    Claim(2, "A stable base", "Strong legs help the bench and overhead press.", "partly supported",
          "partly supported: stability matters, leg training is untested", "chapters/02_stable_base"),
    Claim(3, "The biggest muscles", "Big muscles, big stress, anabolic hormones, more muscle and less fat.",
          "contested", "first half supported, hormone half contested", "chapters/03_biggest_muscles"),
    Claim(4, "Calorie burn", "Leg sessions are metabolically costly.", "partly supported",
          "partly supported: about 100 kcal more per session", "chapters/04_calorie_burn"),
    Claim(5, "Recovery", "Train legs while the upper body rests.", "supported",
          "supported as a scheduling principle, for any split", "chapters/05_recovery"),
    Claim(6, "Transfer", "Leg training grows the upper body, not the reverse.", "contested",
          "contested: the better-controlled evidence is negative", "chapters/06_transfer"),
)


# ---------------------------------------------------------------------------
# Energy: METs, resting metabolic rate, tissue rates, EPOC, body-mass change
# ---------------------------------------------------------------------------

#: Oxygen cost of one MET, by the Compendium's convention.
MET_ML_O2_PER_KG_MIN = Cited(3.5, "ml O2/kg/min", "ainsworth2011", "confirmed",
                             "a convention; measured rest averaged 2.6 ml/kg/min in 769 adults (byrne2005)")
#: Measured resting oxygen uptake in 769 adults (mean).
MEASURED_REST_ML_O2_PER_KG_MIN = Cited(2.6, "ml O2/kg/min", "byrne2005", "confirmed")
#: Energy yield of oxygen used for converting litres of O2 to kcal (textbook value).
KCAL_PER_LITRE_O2 = Cited(5.0, "kcal/L O2", "ainsworth2011", "assumption",
                          "the usual round figure behind kcal/min = MET x 3.5 x kg / 200")


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

#: Farinatti 2016: oxygen taken up in the 40 min after 5 x 10 at 15RM (mean of 10 men).
EPOC_LITRES_O2_40MIN = {
    "leg press": Cited(7.36, "L O2", "farinatti2016", "confirmed", "± 1.10 L, 10 men"),
    "chest fly": Cited(4.73, "L O2", "farinatti2016", "confirmed", "± 0.99 L, 10 men"),
}
#: Heden 2011: resting energy expenditure about 5 % higher at 24, 48 and 72 h.
EPOC_SLOW_ELEVATION = Cited(0.05, "fraction of resting expenditure", "heden2011", "confirmed",
                            "8 overweight young men, 1 or 3 sets of 10 exercises; about 96 kcal/day")
#: Illustrative time constants for the two EPOC components (no published resistance-exercise fit).
EPOC_TAU_FAST_H = Cited(10 / 60, "h", "borsheim2003", "assumption",
                        "a rapid component of minutes; the value is illustrative")
EPOC_TAU_SLOW_H = Cited(72.0, "h", "heden2011", "assumption",
                        "chosen so the elevation is still a few per cent at 72 h; illustrative")

#: The static rule: 3,500 kcal per pound of body mass.
STATIC_RULE_KCAL_PER_KG = Cited(3500 / 0.45359237, "kcal/kg", "thomas2013", "derived",
                                "3,500 kcal/lb divided by 0.45359237 kg/lb = 7,716 kcal/kg")
#: Energy densities of fat and lean tissue, and the Forbes constant (Hall 2011).
FAT_KCAL_PER_KG = Cited(9440.0, "kcal/kg", "hall2011", "secondary", "39.5 MJ/kg")
LEAN_KCAL_PER_KG = Cited(1816.0, "kcal/kg", "hall2011", "secondary", "7.6 MJ/kg")
FORBES_CONSTANT_KG = Cited(10.4, "kg", "hall2011", "secondary")
#: Thermic effect of food, as a fraction of intake.
THERMIC_EFFECT_OF_FOOD = Cited(0.10, "fraction of intake", "hall2011", "secondary")
#: Physical activity level multiplying resting expenditure: an illustrative, moderately active adult.
PHYSICAL_ACTIVITY_LEVEL = Cited(1.6, "multiple of resting expenditure", "hall2011", "assumption",
                                "illustrative; it sets how strongly expenditure follows body mass")


# ---------------------------------------------------------------------------
# Volume and growth
# ---------------------------------------------------------------------------


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

#: Mixed muscle protein synthesis above rest after one bout (8 untrained men, fasted, 8 x 8 at 80 % 1RM).
PHILLIPS_MPS_PERCENT = {
    3.0: Cited(112.0, "% above rest", "phillips1997", "secondary", "3 h after the bout"),
    24.0: Cited(65.0, "% above rest", "phillips1997", "secondary", "24 h after the bout"),
    48.0: Cited(34.0, "% above rest", "phillips1997", "secondary", "48 h after the bout"),
}

#: Per-muscle fatigue model: the course's calibration (assumptions), anchored to recovery studies.
#: One "hard session" for a muscle is taken as 4 hard sets (Belcher 2019 used 4 sets to failure at
#: 80 % 1RM); it brings the muscle's readiness to zero right after the session.
HARD_SESSION_SETS = Cited(4.0, "fractional sets", "belcher2019", "assumption",
                          "the course's unit of a hard session, after Belcher 2019's protocol")
#: Readiness counted as "recovered" for a hard session's calibration below.
RECOVERED_READINESS = Cited(0.9, "readiness (0-1)", "korak2015", "assumption",
                            "the course's choice of 'largely recovered'")
#: Readiness below which a programme is flagged for training an unrecovered muscle.
READY_THRESHOLD = Cited(0.75, "readiness (0-1)", "belcher2019", "assumption",
                        "the course's choice; a flag, not a physiological boundary")
#: Hours until one hard session is 90 % recovered, per muscle group (assumptions inside the
#: 48-72 h window of belcher2019, korak2015, marshall2018; arm muscles slowest because they are
#: the most damage-prone after eccentric work, quadriceps the least: saka2009, chen2011).
RECOVERY_HOURS = {
    "quadriceps": Cited(48.0, "h", "marshall2018", "assumption",
                   "quadriceps torque back by 24 h, fatigue by 48 h; least damage-prone (chen2011)"),
    "hamstrings": Cited(60.0, "h", "chen2011", "assumption", "knee flexors more damage-prone than extensors"),
    "glutes": Cited(60.0, "h", "belcher2019", "assumption", "inside the 48-72 h window"),
    "calves": Cited(48.0, "h", "korak2015", "assumption", "inside the 48-72 h window"),
    "chest": Cited(60.0, "h", "belcher2019", "assumption", "bench recovery similar to squat and deadlift"),
    "back": Cited(60.0, "h", "belcher2019", "assumption", "inside the 48-72 h window"),
    "shoulders": Cited(60.0, "h", "korak2015", "assumption", "inside the 48-72 h window"),
    "biceps": Cited(72.0, "h", "saka2009", "assumption",
                    "elbow flexors lose more strength and recover more slowly than knee extensors"),
    "triceps": Cited(72.0, "h", "chen2011", "assumption", "elbow extensors about as damage-prone as flexors"),
}


# ---------------------------------------------------------------------------
# Mechanics and trials
# ---------------------------------------------------------------------------
