// A turn of the event loop handed back between items of background work. better-sqlite3 is synchronous, so a loop
// of `await`s on it never lets an HTTP request in (a resolved await only reaches the microtask queue); one
// setImmediate per item lets the requests waiting on the socket be served before the next item.
export const giveWay = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
