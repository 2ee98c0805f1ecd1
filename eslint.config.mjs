import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "prisma/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/.out/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // UI code never touches the database: only lib/ may import the store or the generated client.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["app/api/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/*", "@/lib/store/*", "@prisma/*", "**/generated/**"], message: "UI code goes through the service layer (lib/<domain>/service.ts)." },
          ],
        },
      ],
    },
  },
  {
    // Reusable primitives stay domain-free.
    files: ["components/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/*", "@/components/*", "!@/components/ui"], message: "components/ui never imports domain code." }] }],
    },
  },
];

export default config;
