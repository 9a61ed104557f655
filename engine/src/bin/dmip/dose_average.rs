//! `dmip dose --model A,B,C [--weights ll|aic|evidence]`: the dose advice of a
//! model average, as the drug screens give it. Each model is fitted to the
//! subject and weighted (`fit_average`, the same as `dmip fit --model
//! A,B,C`); the advice is the weighted models' (`dose::recommend_mixture`:
//! predicted levels Σ w·each model's, probabilities over the pooled
//! draws), the fit check and the hold plan are the mixture's, and the next
//! sampling time is the heaviest model's. Each model's line adds its own
//! suggested dose.

use crate::dose_cmd::{now, question, Checks, DoseArgs};
use crate::fit_average::{averaged, lines, load};
use dmip_engine::dose::{recommend, recommend_mixture, Advise, Rounding};
use dmip_engine::estimate::Part;
use serde_json::{json, Value};

pub fn run(args: &DoseArgs, models: &[&str]) -> Result<Value, String> {
    let (target, limit, regimens) = question(args)?;
    let weighting = args.weights.weighting();
    let (loaded, ids) = load(models, &args.data, args.covariates)?;
    let mut out = Vec::new();
    for id in &ids {
        let (problems, avg) = averaged(id, &loaded, weighting)?;
        // Without a level the models are not fitted: the prior, as for one
        // model.
        let parts: Vec<(usize, Part<'_>)> = avg
            .models
            .iter()
            .zip(&problems)
            .enumerate()
            .filter(|(_, (m, _))| m.weight > 0.0)
            .filter_map(|(i, (m, p))| {
                let (problem, _) = p.as_ref().ok()?;
                let fit = m.fit.as_ref().filter(|_| !avg.equal);
                Some((
                    i,
                    Part {
                        weight: m.weight,
                        problem,
                        fit,
                    },
                ))
            })
            .collect();
        // The heaviest model first: its records number the levels, its
        // strengths make the amounts.
        let mut parts_sorted = parts.clone();
        parts_sorted.sort_by(|a, b| b.1.weight.total_cmp(&a.1.weight));
        let Some(&(_, lead)) = parts_sorted.first() else {
            return Err(format!("subject {id}: no model kept"));
        };
        let rounding = Rounding::capsules(
            &lead
                .problem
                .def
                .file
                .products
                .first()
                .map(|x| x.strengths_mg.clone())
                .unwrap_or_default(),
        );
        let questions: Vec<(f64, Advise<'_>)> = parts_sorted
            .iter()
            .map(|(_, p)| {
                let q = Advise {
                    problem: p.problem,
                    fit: p.fit,
                    target: &target,
                    limit: limit.as_ref(),
                    regimens: &regimens,
                    n_draws: args.draws,
                    seed: args.seed,
                    rounding: &rounding,
                    memo: None,
                };
                (p.weight, q)
            })
            .collect();
        let advice = recommend_mixture(&questions).map_err(|e| format!("subject {id}: {e}"))?;
        let mut lines = lines(&avg, &problems);
        for (i, p) in &parts {
            // Each model's own advice, from its own strengths.
            let own = recommend(
                p.problem,
                p.fit,
                &target,
                limit.as_ref(),
                &regimens,
                args.draws,
                args.seed,
            );
            lines[*i]["advice"] = match own.as_ref().map(|a| a.suggested()) {
                Ok(Some(c)) => json!({ "regimen": c.regimen.label, "amount_mg": c.dose.amount_mg }),
                Ok(None) => Value::Null,
                Err(e) => json!({ "error": e.to_string() }),
            };
        }
        let mix: Vec<Part<'_>> = parts_sorted.iter().map(|(_, p)| *p).collect();
        let checks = Checks {
            parts: &mix,
            target: &target,
            limit: limit.as_ref(),
            advice: &advice,
            draws: args.draws,
            now: now(args, lead.problem)?,
        };
        let mut subject = json!({
            "id": id,
            "models": lines,
            "equal_weights": avg.equal,
            "advice": advice,
        });
        checks.add(&mut subject, args.next_sample);
        out.push(subject);
    }
    Ok(json!({
        "models": loaded.iter().map(|l| l.def.id()).collect::<Vec<_>>(),
        "weights": weighting,
        "covariates": args.covariates.convention().name(),
        "subjects": out,
    }))
}
