// Point this worker's service layer (used by fixtures) at the same store as the server under test.
import { inject } from "vitest";

const backend = inject("backend");
for (const [key, value] of Object.entries(backend.env)) process.env[key] = value;
