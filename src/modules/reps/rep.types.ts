import { connectionType } from "../../core/graphql/connection";
import { Rep } from "./rep.entity";

export const RepConnection = connectionType(Rep, "Rep", "rep");
export type RepConnection = InstanceType<typeof RepConnection>;
