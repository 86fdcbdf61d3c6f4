// The table editor's context menu in Vietnamese: Handsontable 6 (Wagtail's TableBlock) has no
// Vietnamese dictionary of its own. Loaded after Handsontable on the editing screens
// (insert_editor_js), before the tables are drawn; the table block asks for the language "vi".
(function () {
  "use strict";
  if (!window.Handsontable || !window.Handsontable.languages) { return; }
  var items = "ContextMenu:items";
  var dictionary = { languageCode: "vi" };
  dictionary[items] = "Menu";
  var words = {
    insertRowAbove: "Chèn hàng phía trên",
    insertRowBelow: "Chèn hàng phía dưới",
    insertColumnOnTheLeft: "Chèn cột bên trái",
    insertColumnOnTheRight: "Chèn cột bên phải",
    removeRow: ["Xóa hàng", "Xóa các hàng"],
    removeColumn: ["Xóa cột", "Xóa các cột"],
    undo: "Hoàn tác",
    redo: "Làm lại",
    readOnly: "Chỉ đọc",
    clearColumn: "Xóa nội dung cột",
    copy: "Sao chép",
    cut: "Cắt",
    freezeColumn: "Cố định cột",
    unfreezeColumn: "Bỏ cố định cột",
    mergeCells: "Gộp ô",
    unmergeCells: "Tách ô",
    addComment: "Thêm ghi chú",
    editComment: "Sửa ghi chú",
    removeComment: "Xóa ghi chú",
    readOnlyComment: "Ghi chú chỉ đọc",
    align: "Căn lề",
    "align.left": "Trái",
    "align.center": "Giữa",
    "align.right": "Phải",
    "align.justify": "Đều hai bên",
    "align.top": "Trên",
    "align.middle": "Giữa",
    "align.bottom": "Dưới",
    borders: "Đường viền",
    "borders.top": "Trên",
    "borders.right": "Phải",
    "borders.bottom": "Dưới",
    "borders.left": "Trái",
    "borders.remove": "Bỏ đường viền",
    nestedHeadersInsertChild: "Chèn cột con",
    nestedHeadersInsertParent: "Chèn cột cha",
    noItems: "Không có thao tác nào",
  };
  Object.keys(words).forEach(function (key) { dictionary[items + "." + key] = words[key]; });
  try {
    window.Handsontable.languages.registerLanguageDictionary(dictionary);
  } catch (error) {
    if (window.console) { window.console.error("table editor language", error); }
  }
})();
