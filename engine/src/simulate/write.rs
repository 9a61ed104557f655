//! The virtual patients as a NONMEM CSV: for each patient (ID 1..N) the
//! design's rows as written, with ID replaced and, on each simulated row,
//! DV the simulated level (MDV 0). A level below the row's LLOQ is written
//! as NONMEM's M3 data: BLQ = 1 (or CENS = 1 when the design uses CENS)
//! and DV the limit. Columns the output needs and the design lacks (ID,
//! DV, BLQ) are added; numbers are written in their shortest exact form,
//! so the same simulation gives the same bytes. Covariates from a table of
//! patients are written on every row of their patient (in the design's
//! column of that name, or a column added).

use super::design::{column, Design};
use super::Simulation;

/// Where the written columns sit.
struct Columns {
    header: Vec<String>,
    id: usize,
    dv: usize,
    mdv: Option<usize>,
    flag: Option<usize>,
    /// Whether ID was added in front (every design column shifts by 1).
    id_added: bool,
    /// The column of each covariate a table gave, by its name.
    covariates: Vec<(String, usize)>,
}

impl Columns {
    fn new(design: &Design, any_blq: bool, covariates: &[String]) -> Columns {
        let mut header = design.header.clone();
        let id_added = column(&header, "ID").is_none();
        if id_added {
            header.insert(0, "ID".into());
        }
        let dv = column(&header, "DV").unwrap_or_else(|| {
            header.push("DV".into());
            header.len() - 1
        });
        let mut flag = column(&header, "BLQ").or_else(|| column(&header, "CENS"));
        if flag.is_none() && any_blq {
            header.push("BLQ".into());
            flag = Some(header.len() - 1);
        }
        let covariates = covariates
            .iter()
            .map(|name| {
                let at = column(&header, name).unwrap_or_else(|| {
                    header.push(name.clone());
                    header.len() - 1
                });
                (name.clone(), at)
            })
            .collect();
        Columns {
            id: column(&header, "ID").unwrap_or(0),
            covariates,
            mdv: column(&header, "MDV"),
            dv,
            flag,
            id_added,
            header,
        }
    }

    /// A design row widened to the output's columns (missing cells `.`).
    fn row(&self, cells: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(self.header.len());
        if self.id_added {
            out.push(String::new());
        }
        out.extend(cells.iter().cloned());
        out.resize(self.header.len(), ".".into());
        out
    }
}

impl Simulation {
    /// The CSV text (header, then every patient's rows, `\n` line ends).
    pub fn to_csv(&self, design: &Design) -> Result<String, String> {
        let any_blq = self
            .patients
            .iter()
            .flat_map(|p| &p.levels)
            .any(|l| l.is_some_and(|l| l.blq));
        let names: Vec<String> = self
            .patients
            .first()
            .map(|p| p.covariates.iter().map(|(n, _)| n.clone()).collect())
            .unwrap_or_default();
        let cols = Columns::new(design, any_blq, &names);
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let fail = |e: csv::Error| format!("cannot write the CSV: {e}");
        w.write_record(&cols.header).map_err(fail)?;
        for p in &self.patients {
            let id = p.id.to_string();
            for (line, cells) in &design.rows {
                let mut row = cols.row(cells);
                row[cols.id].clone_from(&id);
                for (name, value) in &p.covariates {
                    if let Some((_, at)) = cols.covariates.iter().find(|(n, _)| n == name) {
                        row[*at] = format!("{value}");
                    }
                }
                let level = design
                    .observation_lines
                    .iter()
                    .position(|l| l == line)
                    .and_then(|j| p.levels.get(j).copied().flatten());
                if let Some(level) = level {
                    let (dv, blq) = match (level.blq, level.lloq) {
                        (true, Some(lloq)) => (lloq, "1"),
                        _ => (level.value, "0"),
                    };
                    row[cols.dv] = format!("{dv}");
                    if let Some(m) = cols.mdv {
                        row[m] = "0".into();
                    }
                    if let Some(f) = cols.flag {
                        row[f] = blq.into();
                    }
                }
                w.write_record(&row).map_err(fail)?;
            }
        }
        let bytes = w
            .into_inner()
            .map_err(|e| format!("cannot write the CSV: {e}"))?;
        String::from_utf8(bytes).map_err(|e| format!("cannot write the CSV: {e}"))
    }
}
