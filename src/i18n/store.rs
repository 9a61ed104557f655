//! Translation table for what the record store reports: a store that is
//! not opened (damaged, newer, altered by another page), records kept as
//! they are, the raw export, and import counts.

use super::table::table;

table! {
    StoreKey;
    ProblemNoHeader => "保存領域の管理情報（dmip.store）が見つかりませんが、記録のデータが {count} 件残っています。管理情報がないため、これらは開けません。", "The store's header (dmip.store) is missing, but {count} stored entries remain; without the header they cannot be opened.";
    ProblemDamaged => "保存領域の管理情報（dmip.store）が壊れていて読めません：{detail}", "The store's header (dmip.store) is damaged and cannot be read: {detail}";
    ProblemNewer => "この保存領域は新しいバージョンのアプリで作成されています（形式 {version}。このアプリが読めるのは形式 {supported} までです）。新しいバージョンで開いてください。", "This store was written by a newer version of the app (layout {version}; this app reads up to layout {supported}). Open it with that version.";
    ProblemEncryptionRemoved => "保存領域の管理情報から暗号化の設定が消えていますが、暗号化されたデータが残っています。他のページによる改ざんの可能性があるため、暗号化なしでは開きません。", "The store's header no longer says it is encrypted, but encrypted data remain. Another page may have altered it, so the store is not opened without encryption.";
    ProblemNoCheck => "保存領域の管理情報からパスフレーズの照合データが消えています。他のページによる改ざんの可能性があるため、開きません。", "The passphrase check is missing from the store's header. Another page may have altered it, so the store is not opened.";
    ProblemKdf => "保存領域の鍵生成の設定が、このアプリの使う値ではありません（{detail}）。他のページによる改ざんの可能性があるため、鍵を生成せずに中止しました。", "The store's key-derivation settings are not ones this app uses ({detail}). Another page may have altered them, so no key was derived.";
    ProblemKeyMismatch => "パスフレーズで保存領域の管理情報は開けましたが、暗号化された {count} 件のデータはどれも開けません。管理情報が他のページにより差し替えられた可能性があるため、開きません。", "The passphrase opens the store's header, but none of its {count} encrypted entries. Another page may have replaced the header, so the store is not opened.";
    ProblemUnavailable => "ブラウザの保存領域を読み取れません：{detail}", "The browser's storage cannot be read: {detail}";
    ProblemKept => "保存されているデータは変更も上書きもしていません。これらが残っている間は、新しい保存領域を作成できません。下のボタンで、保存データをそのままファイルに書き出せます。", "Nothing stored was changed or overwritten. A new store cannot be created while these entries remain. The button below saves the stored entries, exactly as they are, to a file.";
    RawExport => "保存データをそのまま書き出し", "Export the stored entries as they are";
    WrongOrAltered => "パスフレーズが正しいのに開けない場合は、他のページが保存領域の管理情報を書き換えた可能性があります。下のボタンで保存データをそのまま書き出せます。", "If the passphrase is right, another page may have altered the store's header. The button below saves the stored entries as they are.";
    HeldNewer => "記録 {id} は新しいバージョンのアプリで作成されたもの（記録形式 {found}）のため、そのまま残し、一覧には表示しません。", "Record {id} was written by a newer version of the app (record format {found}); it is kept as it is and not listed.";
    ImportCopies => "{count} 件は同じIDの記録がすでにあるため、新しいIDの複製として保存しました。", "{count} record(s) had an id already in use and were stored as copies with new ids.";
    ImportShortened => "{count} 件の文字列項目が {max} 文字を超えていたため、{max} 文字に短縮して読み込みました。", "{count} text field(s) were longer than {max} characters and were shortened to {max}.";
    ImportNotAll => "{count} 件は保存できませんでした：{detail}", "{count} record(s) could not be stored: {detail}";
    ImportTooLarge => "ファイルが大きすぎます（{size}）。読み込めるのは {limit} までです（ブラウザの保存領域は約 5 MB のため）。何も変更していません。", "The file is too large ({size}); files up to {limit} can be imported (the browser keeps about 5 MB). Nothing was changed.";
    CreateExists => "保存領域はすでにあります。何も変更していません。", "A store already exists here; nothing was changed.";
    Saving => "保存しています…", "Saving…";
    SavedAt => "保存しました（{time}）", "Saved ({time})";
    NotSaved => "保存できていません：{detail}。入力内容はこの画面に残っており、保存を再試行します。ページを閉じる前にファイルに書き出してください。", "Not saved: {detail}. What you typed stays on this screen and the save is retried; export it to a file before closing the page.";
    StorageFull => "ブラウザの保存領域がいっぱいです", "the browser's storage is full";
    ExportNow => "この記録をファイルに書き出す（暗号化なし）", "Export this record now (unencrypted file)";
    NotKeptCreate => "入力内容は保存されていません：記録の保存領域がまだありません。作成するまでは、ページを閉じると失われます。", "Not kept: there is no record store yet. What you type is lost when the page closes until you create one.";
    NotKeptUnlock => "入力内容は保存されていません：記録の保存領域がロックされています。解除するまでは、ページを閉じると失われます。", "Not kept: the record store is locked. What you type is lost when the page closes until you unlock it.";
    NotKeptProblem => "入力内容は保存されていません：記録の保存領域を開けません（記録の画面に理由があります）。", "Not kept: the record store cannot be opened (the Records screen says why).";
    DeletedElsewhere => "この記録は別のタブで削除されました。この画面の内容は保存していません（削除された記録を元に戻すことはしません）。入力内容はこの画面に残っています。", "This record was deleted in another tab. What is on this screen was not saved (a deleted record is not brought back); it stays on this screen.";
    KeepAsNew => "新しい記録として保存", "Keep it as a new record";
    GoCreate => "保存領域を作成", "Create a store";
    GoUnlock => "ロックを解除", "Unlock";
    GoRecords => "記録の画面へ", "Go to Records";
    StaysEncrypted => "このブラウザには暗号化された記録があるため、パスフレーズなしの保存領域は作成しません。", "This browser holds encrypted records, so a store without a passphrase is not created.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(StoreKey::ALL, &[]);
    }
}
