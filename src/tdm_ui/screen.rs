//! The drug screen shared by cyclosporine and tacrolimus: at the top what
//! the clinician came for (the headline with the latest level and its
//! verdict, the next sampling time, a new level, the advice with its
//! checks, the models' weights when they are averaged, the forecast), the
//! rest in one fold below.

use super::advice::AdviceTable;
use super::average::ModelWeights;
use super::bedside::QuickLevel;
use super::dose_changes::DoseChanges;
use super::doses::DoseHistory;
use super::fold::Fold;
use super::forecast_plot::ForecastPlot;
use super::levels::LevelTable;
use super::model_choice::ModelChoice;
use super::next_days::NextDays;
use super::over_time::CovariatesOverTime;
use super::popcheck::PopulationFold;
use super::results::{ResultDetails, Results};
use super::session::Session;
use super::spec::DrugSpec;
use super::starting_dose::StartingDosePanel;
use leptos::prelude::*;

#[component]
pub fn DrugScreen(spec: DrugSpec) -> impl IntoView {
    let session = Session::new(spec);
    view! {
        <div class="tdm" data-drug=spec.slug>
            <Results session=session />
            <QuickLevel session=session />
            <AdviceTable session=session />
            <StartingDosePanel session=session />
            <ModelWeights session=session />
            <ForecastPlot session=session />
            <Fold session=session>
                <ResultDetails session=session />
                <NextDays session=session />
                <DoseHistory session=session />
                <DoseChanges session=session />
                <LevelTable session=session />
                <ModelChoice session=session />
                <PopulationFold session=session />
                <CovariatesOverTime session=session />
            </Fold>
        </div>
    }
}
