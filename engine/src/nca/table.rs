//! Every NCA parameter in one table: its JSON key, its CDISC SDTM PPTESTCD
//! (as NonCompart maps WinNonlin's names, which PKNCA's `pptestcd_cdisc`
//! follows; steady-state CL and Vz: CLFTAU/CLTAU, VZFTAU/VZTAU), the routes
//! and regimens it applies to, and what it needs. The JSON output, the
//! `pptestcd` object, the flags that say why a value is `null`, the
//! exclusions and the non-finite guard all read this table.

use super::{NcaResult, Route};

/// What a value is built on. A measurable concentration is needed by all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    /// A terminal fit (λz).
    LambdaZ,
    /// The extrapolation from the observed Clast (AUCinf,obs).
    TailObs,
    /// The extrapolation from the predicted Clast (AUCinf,pred).
    TailPred,
    /// AUC over the dosing interval (steady state).
    Tau,
    Dose,
}

/// Where a parameter is reported; elsewhere it is absent from the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Applies {
    Always,
    Bolus,
    Extravascular,
    /// IV bolus or infusion.
    Intravascular,
    SingleDose,
}

/// A PPTESTCD by route (extravascular, intravascular) and regimen.
#[derive(Clone, Copy, Debug)]
enum Code {
    Same(&'static str),
    Route(&'static str, &'static str),
    /// Single dose (ev, iv), then steady state (ev, iv).
    Regimen([&'static str; 4]),
}

/// A parameter's value: most are numbers, the fit's point count an integer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Real(Option<f64>),
    Count(Option<usize>),
}

impl Num {
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Num::Real(v) => v,
            Num::Count(n) => n.map(|n| n as f64),
        }
    }
}

impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Num::Real(v) => v.serialize(s),
            Num::Count(n) => n.serialize(s),
        }
    }
}

type Slot = fn(&mut NcaResult) -> &mut Option<f64>;

/// One row of the table.
pub(crate) struct Param {
    pub key: &'static str,
    code: Code,
    applies: Applies,
    needs: &'static [Need],
    needs_ss: &'static [Need],
    pub get: fn(&NcaResult) -> Num,
    /// The value's place, for the non-finite guard (`None`: an integer).
    pub slot: Option<Slot>,
}

/// Route and regimen of a result: which parameters apply and their codes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Context {
    pub route: Route,
    pub steady_state: bool,
}

impl Param {
    pub fn applies(&self, ctx: Context) -> bool {
        match self.applies {
            Applies::Always => true,
            Applies::Bolus => ctx.route == Route::IvBolus,
            Applies::Extravascular => ctx.route == Route::Extravascular,
            Applies::Intravascular => ctx.route != Route::Extravascular,
            Applies::SingleDose => !ctx.steady_state,
        }
    }

    pub fn code(&self, ctx: Context) -> &'static str {
        let iv = ctx.route != Route::Extravascular;
        match self.code {
            Code::Same(c) => c,
            Code::Route(ev, ivc) => {
                if iv {
                    ivc
                } else {
                    ev
                }
            }
            Code::Regimen(c) => c[2 * usize::from(ctx.steady_state) + usize::from(iv)],
        }
    }

    pub fn needs(&self, ctx: Context, need: Need) -> bool {
        let needs = if ctx.steady_state {
            self.needs_ss
        } else {
            self.needs
        };
        needs.contains(&need)
    }
}

use Applies::*;
use Need::*;

macro_rules! param {
    ($field:ident, $code:expr, $applies:expr, $needs:expr) => {
        param!($field, $code, $applies, $needs, $needs)
    };
    ($field:ident, $code:expr, $applies:expr, $needs:expr, $needs_ss:expr) => {
        Param {
            key: stringify!($field),
            code: $code,
            applies: $applies,
            needs: $needs,
            needs_ss: $needs_ss,
            get: |r| Num::Real(r.$field),
            slot: Some(|r| &mut r.$field),
        }
    };
}

const L: &[Need] = &[LambdaZ];
const LO: &[Need] = &[LambdaZ, TailObs];
const LP: &[Need] = &[LambdaZ, TailPred];

/// The parameters, in output order.
pub(crate) static PARAMS: &[Param] = &[
    param!(cmax, Code::Same("CMAX"), Always, &[]),
    param!(tmax, Code::Same("TMAX"), Always, &[]),
    param!(tlag, Code::Same("TLAG"), Extravascular, &[]),
    param!(clast, Code::Same("CLST"), Always, &[]),
    param!(tlast, Code::Same("TLST"), Always, &[]),
    param!(c0, Code::Same("C0"), Bolus, &[]),
    param!(auclast, Code::Same("AUCLST"), Always, &[]),
    param!(aucall, Code::Same("AUCALL"), Always, &[]),
    param!(aumclast, Code::Same("AUMCLST"), Always, &[]),
    param!(mrt_last, Code::Route("MRTEVLST", "MRTIVLST"), Always, &[]),
    param!(lambda_z, Code::Same("LAMZ"), Always, L),
    param!(half_life, Code::Same("LAMZHL"), Always, L),
    Param {
        key: "lambda_z_n_points",
        code: Code::Same("LAMZNPT"),
        applies: Always,
        needs: L,
        needs_ss: L,
        get: |r| Num::Count(r.lambda_z_n_points),
        slot: None,
    },
    param!(lambda_z_time_first, Code::Same("LAMZLL"), Always, L),
    param!(lambda_z_time_last, Code::Same("LAMZUL"), Always, L),
    param!(r_squared, Code::Same("R2"), Always, L),
    param!(adj_r_squared, Code::Same("R2ADJ"), Always, L),
    param!(corr_xy, Code::Same("CORRXY"), Always, L),
    param!(span_ratio, Code::Same("LAMZSPN"), Always, L),
    param!(clast_pred, Code::Same("CLSTP"), Always, L),
    param!(aucinf_obs, Code::Same("AUCIFO"), Always, LO),
    param!(aucinf_pred, Code::Same("AUCIFP"), Always, LP),
    param!(aucpext_obs, Code::Same("AUCPEO"), Always, LO),
    param!(aucpext_pred, Code::Same("AUCPEP"), Always, LP),
    param!(aucpbext_obs, Code::Same("AUCPBEO"), Bolus, LO),
    param!(aucpbext_pred, Code::Same("AUCPBEP"), Bolus, LP),
    param!(aumcinf_obs, Code::Same("AUMCIFO"), Always, LO),
    param!(aumcinf_pred, Code::Same("AUMCIFP"), Always, LP),
    param!(aumcpext_obs, Code::Same("AUMCPEO"), Always, LO),
    param!(aumcpext_pred, Code::Same("AUMCPEP"), Always, LP),
    param!(
        mrt_obs,
        Code::Route("MRTEVIFO", "MRTIVIFO"),
        Always,
        LO,
        &[LambdaZ, TailObs, Tau]
    ),
    param!(
        mrt_pred,
        Code::Route("MRTEVIFP", "MRTIVIFP"),
        Always,
        LP,
        &[LambdaZ, TailPred, Tau]
    ),
    param!(auctau, Code::Same("AUCTAU"), Always, &[Tau]),
    param!(cavg, Code::Same("CAVG"), Always, &[Tau]),
    param!(
        cl,
        Code::Regimen(["CLFO", "CLO", "CLFTAU", "CLTAU"]),
        Always,
        &[Dose, LambdaZ, TailObs],
        &[Dose, Tau]
    ),
    param!(
        cl_pred,
        Code::Route("CLFP", "CLP"),
        SingleDose,
        &[Dose, LambdaZ, TailPred]
    ),
    param!(
        vz,
        Code::Regimen(["VZFO", "VZO", "VZFTAU", "VZTAU"]),
        Always,
        &[Dose, LambdaZ, TailObs],
        &[Dose, LambdaZ, Tau]
    ),
    param!(
        vz_pred,
        Code::Route("VZFP", "VZP"),
        SingleDose,
        &[Dose, LambdaZ, TailPred]
    ),
    param!(
        vss_obs,
        Code::Same("VSSO"),
        Intravascular,
        &[Dose, LambdaZ, TailObs],
        &[Dose, LambdaZ, TailObs, Tau]
    ),
    param!(
        vss_pred,
        Code::Same("VSSP"),
        Intravascular,
        &[Dose, LambdaZ, TailPred],
        &[Dose, LambdaZ, TailPred, Tau]
    ),
    param!(cmax_dose, Code::Same("CMAXD"), Always, &[Dose]),
    param!(auclast_dose, Code::Same("AUCLSTD"), Always, &[Dose]),
    param!(
        aucinf_obs_dose,
        Code::Same("AUCIFOD"),
        Always,
        &[Dose, LambdaZ, TailObs]
    ),
    param!(
        aucinf_pred_dose,
        Code::Same("AUCIFPD"),
        Always,
        &[Dose, LambdaZ, TailPred]
    ),
];

/// The parameters that apply to `ctx`.
pub(crate) fn applicable(ctx: Context) -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(move |p| p.applies(ctx))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(route: Route, steady_state: bool) -> Context {
        Context {
            route,
            steady_state,
        }
    }

    #[test]
    fn keys_and_codes_are_unique_per_context() {
        for route in [
            Route::Extravascular,
            Route::IvBolus,
            Route::IvInfusion { duration: 1.0 },
        ] {
            for ss in [false, true] {
                let c = ctx(route, ss);
                let mut codes: Vec<&str> = applicable(c).map(|p| p.code(c)).collect();
                let mut keys: Vec<&str> = applicable(c).map(|p| p.key).collect();
                let n = codes.len();
                codes.sort_unstable();
                codes.dedup();
                keys.sort_unstable();
                keys.dedup();
                assert_eq!((codes.len(), keys.len()), (n, n), "{c:?}");
            }
        }
    }

    #[test]
    fn codes_follow_route_and_regimen() {
        let cl = PARAMS.iter().find(|p| p.key == "cl").unwrap();
        assert_eq!(cl.code(ctx(Route::Extravascular, false)), "CLFO");
        assert_eq!(cl.code(ctx(Route::IvBolus, false)), "CLO");
        assert_eq!(cl.code(ctx(Route::Extravascular, true)), "CLFTAU");
        assert_eq!(cl.code(ctx(Route::IvBolus, true)), "CLTAU");
        let mrt = PARAMS.iter().find(|p| p.key == "mrt_last").unwrap();
        assert_eq!(mrt.code(ctx(Route::IvBolus, false)), "MRTIVLST");
        assert_eq!(mrt.code(ctx(Route::Extravascular, true)), "MRTEVLST");
    }
}
