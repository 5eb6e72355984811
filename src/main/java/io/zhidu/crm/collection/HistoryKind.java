package io.zhidu.crm.collection;

/** What happened to a case by itself (the duty's work), as its history shows. */
enum HistoryKind {
    OPENED, JOINED, REMINDED, HANDED_OVER, CLOSED;

    public String labelKey() {
        return "collection.history." + name();
    }
}
