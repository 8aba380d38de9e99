// Excerpt of scality/Arsenal lib/errors/arsenalErrors.ts at 94c7038e (Apache-2.0):
// lines 1-16 and 713-718, unchanged. See ../README.rst.
export type ErrorFormat = {
    code: number,
    description: string,
}

// ------------------- Amazon errors ------------------
export const AccessDenied: ErrorFormat = {
    code: 403,
    description: 'Access Denied',
};

export const AccessForbidden: ErrorFormat = {
    code: 403,
    description: 'Access Forbidden',
};

// #### formatErrors ####

export const BadName: ErrorFormat = {
    description: 'name not ok',
    code: 5001,
};
