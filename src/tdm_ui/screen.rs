//! The drug screen shared by cyclosporine and tacrolimus.

use super::advice::AdviceTable;
use super::dose_changes::DoseChanges;
use super::doses::DoseHistory;
use super::forecast_plot::ForecastPlot;
use super::levels::LevelTable;
use super::model_choice::ModelChoice;
use super::next_days::NextDays;
use super::results::Results;
use super::session::Session;
use super::spec::DrugSpec;
use leptos::prelude::*;

#[component]
pub fn DrugScreen(spec: DrugSpec) -> impl IntoView {
    let session = Session::new(spec);
    view! {
        <div class="tdm" data-drug=spec.slug>
            <Results session=session />
            <ForecastPlot session=session />
            <AdviceTable session=session />
            <NextDays session=session />
            <DoseHistory session=session />
            <DoseChanges session=session />
            <LevelTable session=session />
            <ModelChoice session=session />
        </div>
    }
}
