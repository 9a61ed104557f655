//! TIME,DV[,ID] profile CSV for NCA (under construction).
