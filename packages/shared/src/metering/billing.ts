// The billing API's request and answer schemas (TypeBox), shared by the server routes and the web console.
export {};
