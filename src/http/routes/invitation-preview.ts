/** Which clinic an invitation link is from, for the join page before the patient joins. */
import { z } from "zod/v4";
import { previewInvitation } from "../../app/use-cases/preview-invitation.ts";
import { defineRoute } from "../route.ts";

export const invitationPreviewRoutes = [
  defineRoute({
    method: "post",
    path: "/api/invitations/clinic",
    summary:
      "The name of the clinic a working invitation link is from (the token is posted, never put in a URL); 404 as accepting it would",
    tag: "session",
    access: { kind: "public" },
    action: "invitation.preview",
    body: z.object({ token: z.string().min(10).max(100) }),
    response: z.object({ clinicName: z.string() }),
    handler: async ({ body, services, clientAddress }) => ({
      clinicName: await previewInvitation(services, { token: body.token, address: clientAddress }),
    }),
  }),
];
