//! NCA against Phoenix WinNonlin (6.3 and 7.0): the eight analyses of R's
//! `Theoph` (12 subjects, oral, dose 320) and `Indometh` (6 subjects, dose
//! 25 as IV bolus, as a 0.25 h infusion and as if extravascular), linear and
//! linear-up/log-down, as tabulated by the NonCompart validation report
//! (S. Han, "Validation of Noncompartmental Analysis Performed by NonCompart
//! R package", 2018: github.com/asancpt/NonCompart-tests, files
//! `Final_Parameters_Pivoted_*.csv`, WinNonlin's own output).
//!
//! Two tests:
//! - `published_values` (always run): subject 1 of each analysis, every
//!   parameter WinNonlin reports, the values copied from those tables.
//! - `every_subject` (ignored unless its data are at hand): every subject
//!   and parameter of the eight tables. Put the tables unchanged and the two
//!   data sets as `theoph.csv` and `indometh.csv` (ID,TIME,DV, from R's
//!   `datasets`) in a folder and run
//!   `DMIP_WINNONLIN_DIR=<folder> cargo test -p dmip-engine --test nca_winnonlin -- --ignored`.
//!
//! WinNonlin's names are read through NonCompart's `RptCfg.csv`
//! (WinNonlin name → CDISC PPTESTCD), so the engine's PPTESTCD table is
//! checked at the same time.

use dmip_engine::io::nca_csv;
use dmip_engine::nca::{nca, Method, NcaOptions, NcaResult, Route, Sample};

/// WinNonlin tables give 9–15 significant digits.
const REL: f64 = 1e-6;

/// One WinNonlin analysis.
struct Analysis {
    table: &'static str,
    theoph: bool,
    method: Method,
    route: Route,
    dose: f64,
}

const INFUSION: Route = Route::IvInfusion { duration: 0.25 };

const ANALYSES: [Analysis; 8] = [
    Analysis {
        table: "Theoph_Linear",
        theoph: true,
        method: Method::Linear,
        route: Route::Extravascular,
        dose: 320.0,
    },
    Analysis {
        table: "Theoph_Log",
        theoph: true,
        method: Method::LinUpLogDown,
        route: Route::Extravascular,
        dose: 320.0,
    },
    Analysis {
        table: "Indometh_Linear",
        theoph: false,
        method: Method::Linear,
        route: Route::IvBolus,
        dose: 25.0,
    },
    Analysis {
        table: "Indometh_Log",
        theoph: false,
        method: Method::LinUpLogDown,
        route: Route::IvBolus,
        dose: 25.0,
    },
    Analysis {
        table: "Indometh_Linear_Infusion",
        theoph: false,
        method: Method::Linear,
        route: INFUSION,
        dose: 25.0,
    },
    Analysis {
        table: "Indometh_Log_Infusion",
        theoph: false,
        method: Method::LinUpLogDown,
        route: INFUSION,
        dose: 25.0,
    },
    Analysis {
        table: "Indometh_Linear_Wrong_Extravascular",
        theoph: false,
        method: Method::Linear,
        route: Route::Extravascular,
        dose: 25.0,
    },
    Analysis {
        table: "Indometh_Log_Wrong_Extravascular",
        theoph: false,
        method: Method::LinUpLogDown,
        route: Route::Extravascular,
        dose: 25.0,
    },
];

/// NonCompart's `RptCfg.csv`: WinNonlin's column name → PPTESTCD
/// (extravascular, intravascular).
const WINNONLIN_NAMES: &[(&str, &str, &str)] = &[
    ("Rsq", "R2", "R2"),
    ("Rsq_adjusted", "R2ADJ", "R2ADJ"),
    ("Corr_XY", "CORRXY", "CORRXY"),
    ("No_points_lambda_z", "LAMZNPT", "LAMZNPT"),
    ("Lambda_z", "LAMZ", "LAMZ"),
    ("Lambda_z_lower", "LAMZLL", "LAMZLL"),
    ("Lambda_z_upper", "LAMZUL", "LAMZUL"),
    ("HL_Lambda_z", "LAMZHL", "LAMZHL"),
    ("Tlag", "TLAG", "TLAG"),
    ("Tmax", "TMAX", "TMAX"),
    ("Cmax", "CMAX", "CMAX"),
    ("Cmax_D", "CMAXD", "CMAXD"),
    ("C0", "C0", "C0"),
    ("Tlast", "TLST", "TLST"),
    ("Clast", "CLST", "CLST"),
    ("AUClast", "AUCLST", "AUCLST"),
    ("AUCall", "AUCALL", "AUCALL"),
    ("AUCINF_obs", "AUCIFO", "AUCIFO"),
    ("AUCINF_D_obs", "AUCIFOD", "AUCIFOD"),
    ("AUC_%Extrap_obs", "AUCPEO", "AUCPEO"),
    ("AUC_%Back_Ext_obs", "AUCPBEO", "AUCPBEO"),
    ("Vz_F_obs", "VZFO", "VZFO"),
    ("Cl_F_obs", "CLFO", "CLFO"),
    ("Vz_obs", "VZO", "VZO"),
    ("Cl_obs", "CLO", "CLO"),
    ("AUCINF_pred", "AUCIFP", "AUCIFP"),
    ("AUCINF_D_pred", "AUCIFPD", "AUCIFPD"),
    ("AUC_%Extrap_pred", "AUCPEP", "AUCPEP"),
    ("AUC_%Back_Ext_pred", "AUCPBEP", "AUCPBEP"),
    ("Vz_F_pred", "VZFP", "VZFP"),
    ("Cl_F_pred", "CLFP", "CLFP"),
    ("Vz_pred", "VZP", "VZP"),
    ("Cl_pred", "CLP", "CLP"),
    ("AUMClast", "AUMCLST", "AUMCLST"),
    ("AUMCINF_obs", "AUMCIFO", "AUMCIFO"),
    ("AUMC_%Extrap_obs", "AUMCPEO", "AUMCPEO"),
    ("AUMCINF_pred", "AUMCIFP", "AUMCIFP"),
    ("AUMC_%Extrap_pred", "AUMCPEP", "AUMCPEP"),
    ("MRTlast", "MRTEVLST", "MRTIVLST"),
    ("MRTINF_obs", "MRTEVIFO", "MRTIVIFO"),
    ("MRTINF_pred", "MRTEVIFP", "MRTIVIFP"),
    ("Vss_obs", "VSSO", "VSSO"),
    ("Vss_pred", "VSSP", "VSSP"),
];

fn code(winnonlin: &str, route: Route) -> &'static str {
    let &(_, ev, iv) = WINNONLIN_NAMES
        .iter()
        .find(|(name, _, _)| *name == winnonlin)
        .unwrap_or_else(|| panic!("WinNonlin column {winnonlin} is not in RptCfg"));
    if route == Route::Extravascular {
        ev
    } else {
        iv
    }
}

fn run(a: &Analysis, samples: &[Sample]) -> NcaResult {
    let opts = NcaOptions {
        method: a.method,
        route: a.route,
        dose: Some(a.dose),
        ..NcaOptions::default()
    };
    nca(samples, &opts).unwrap_or_else(|e| panic!("{}: {e}", a.table))
}

/// Compares one subject's result with WinNonlin's row; returns how many
/// values were compared, and every mismatch.
fn compare(
    a: &Analysis,
    subject: &str,
    r: &NcaResult,
    row: &[(&str, f64)],
) -> (usize, Vec<String>) {
    let mut bad = Vec::new();
    for &(name, expected) in row {
        let code = code(name, a.route);
        let got = r.value(code);
        let ok = got.is_some_and(|g| {
            if expected == 0.0 {
                g.abs() < 1e-12
            } else {
                ((g - expected) / expected).abs() <= REL
            }
        });
        if !ok {
            bad.push(format!(
                "{} subject {subject} {name} ({code}): got {got:?}, WinNonlin {expected}",
                a.table
            ));
        }
    }
    (row.len(), bad)
}

/// Subject 1 of R's `Indometh` (Kwan et al. 1976; R `datasets`).
const INDOMETH_1: [(f64, f64); 11] = [
    (0.25, 1.5),
    (0.5, 0.94),
    (0.75, 0.78),
    (1.0, 0.48),
    (1.25, 0.37),
    (2.0, 0.19),
    (3.0, 0.12),
    (4.0, 0.11),
    (5.0, 0.08),
    (6.0, 0.07),
    (8.0, 0.05),
];

fn theoph_1() -> Vec<Sample> {
    let path = format!(
        "{}/../../shared/reference/nca/theoph_s1.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut subjects = nca_csv::read(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    subjects.remove(0).samples
}

#[path = "nca_winnonlin/subject1.rs"]
mod subject1;
use subject1::SUBJECT_1;

#[test]
fn published_values() {
    let theoph = theoph_1();
    let indometh: Vec<Sample> = INDOMETH_1
        .iter()
        .map(|&(t, c)| Sample::measured(t, c))
        .collect();
    let (mut n, mut bad) = (0, Vec::new());
    for (a, row) in ANALYSES.iter().zip(SUBJECT_1) {
        let samples = if a.theoph { &theoph } else { &indometh };
        let (k, b) = compare(a, "1", &run(a, samples), row);
        n += k;
        bad.extend(b);
    }
    assert!(
        bad.is_empty(),
        "{} of {n} differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(n, 282, "values compared");
}

/// A WinNonlin table: (subject, [(column, value)]).
type Table = Vec<(String, Vec<(String, f64)>)>;

fn read_table(path: &std::path::Path) -> Table {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            let values = header[1..]
                .iter()
                .zip(&cells[1..])
                .map(|(h, v)| {
                    let v: f64 = v
                        .trim()
                        .parse()
                        .unwrap_or_else(|e| panic!("{path:?} {h}: {e}"));
                    (h.to_string(), v)
                })
                .collect();
            (cells[0].to_string(), values)
        })
        .collect()
}

#[test]
#[ignore = "needs the WinNonlin tables and data sets in DMIP_WINNONLIN_DIR (see the file header)"]
fn every_subject() {
    let dir = std::path::PathBuf::from(
        std::env::var("DMIP_WINNONLIN_DIR").expect("DMIP_WINNONLIN_DIR: the folder of the tables"),
    );
    let data = |name: &str| {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        nca_csv::read(&bytes).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    };
    let (theoph, indometh) = (data("theoph.csv"), data("indometh.csv"));
    let (mut n, mut bad) = (0, Vec::new());
    for a in &ANALYSES {
        let table = read_table(&dir.join(format!("Final_Parameters_Pivoted_{}.csv", a.table)));
        let subjects = if a.theoph { &theoph } else { &indometh };
        for (id, row) in &table {
            let s = subjects
                .iter()
                .find(|s| s.id.as_deref() == Some(id))
                .unwrap_or_else(|| panic!("{}: no subject {id} in the data", a.table));
            let row: Vec<(&str, f64)> = row.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            let (k, b) = compare(a, id, &run(a, &s.samples), &row);
            n += k;
            bad.extend(b);
        }
    }
    println!("{n} WinNonlin values compared, {} differ", bad.len());
    assert!(
        bad.is_empty(),
        "{} of {n} differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(n, 2100, "values compared");
}
