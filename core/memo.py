"""Values kept in this process's memory, per key, for what is the same on every
request (the admin's menus, its action form's fields): a few hundred entries at most,
the store emptied when full rather than tracking which entry is oldest."""

MEMO_ENTRIES = 512


def memoised(store: dict, key, compute):
    """store[key], computed by compute() the first time."""
    try:
        return store[key]
    except KeyError:
        if len(store) >= MEMO_ENTRIES:
            store.clear()
        value = store[key] = compute()
        return value
